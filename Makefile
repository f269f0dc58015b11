# Set-up is two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshot clean dist smoke desktop-files lowest translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# One test process per core, at most four (pytest-xdist; each holds a Qt application and
# its databases); PYTEST_ARGS="-n 0" runs them in this one.
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --maxprocesses 4 $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

# The window's translations (ui/i18n, see the README's Languages): pyside6-lupdate gathers
# every wrapped string of ui/ into each language's .ts (English holds only the plural forms),
# pyside6-lrelease compiles each into the .qm the app loads; both .ts and .qm are committed
# (tests/ui/test_translations.py checks they are up to date). NEW=de starts a language.
I18N := ui/i18n
LANGUAGES := $(sort $(NEW) $(filter-out en,$(patsubst $(I18N)/treaty_tracker_%.ts,%,$(wildcard $(I18N)/treaty_tracker_*.ts))))
# models/ files whose messages are marked (models/messages.py) are read too.
LUPDATE_MODELS = models/messages.py models/service.py models/dates.py models/typed_dates.py \
	models/terms.py models/limits.py models/vocab.py models/deadlines.py models/catalog.py \
	models/views.py models/bulk_edit.py models/bulk_write.py models/merge.py models/exchange.py \
	models/exchange_format.py models/exchange_read.py models/exchange_stream.py models/exchange_csv.py \
	models/exchange_json.py models/exchange_relations.py models/attachment_exchange.py \
	models/attachments.py models/history.py models/trash.py models/database.py models/backups.py \
	models/integrity.py models/export_target.py
LUPDATE = $(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -extensions py ui $(LUPDATE_MODELS)
translations: $(STAMP)
	$(LUPDATE) -target-language en -pluralonly -ts $(I18N)/treaty_tracker_en.ts
	$(foreach language,$(LANGUAGES),\
		$(LUPDATE) -target-language $(language) -ts $(I18N)/treaty_tracker_$(language).ts &&) true
	for ts in $(I18N)/*.ts; do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm || exit 1; done

# The self-contained application (PyInstaller): dist/treaty-tracker/treaty-tracker on Linux.
# On Windows and macOS run the same spec there (see the README's Install section).
$(VENV)/.dist-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $@

dist: $(VENV)/.dist-installed
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/treaty-tracker.spec
	cp packaging/install-linux dist/treaty-tracker/install.sh
	cp packaging/io.github.treatytracker.TreatyTracker.desktop \
		packaging/io.github.treatytracker.TreatyTracker.metainfo.xml dist/treaty-tracker/

# The desktop entry and AppStream metainfo, checked by the tools distributions use
# (apt-get install desktop-file-utils appstream).
desktop-files:
	desktop-file-validate packaging/io.github.treatytracker.TreatyTracker.desktop
	appstreamcli validate --no-net packaging/io.github.treatytracker.TreatyTracker.metainfo.xml

# The tests on the lowest versions pyproject.toml allows (uv's lowest-direct resolution), in
# a venv of their own: the floors are the versions the tests pass with.
LOWEST := build/lowest
lowest:
	$(PYTHON) -m venv $(LOWEST)/uv && $(LOWEST)/uv/bin/python -m pip install --quiet uv
	$(LOWEST)/uv/bin/uv venv --quiet --allow-existing --python $(PYTHON) $(LOWEST)/venv
	VIRTUAL_ENV=$(LOWEST)/venv $(LOWEST)/uv/bin/uv pip install --quiet --resolution lowest-direct \
		-e '.[test]'
	QT_QPA_PLATFORM=offscreen $(LOWEST)/venv/bin/python -m pytest -q -p no:cacheprovider \
		$(LOWEST_TESTS)

# Runs the built application once from a temporary folder outside the checkout, as CI does.
smoke: dist
	packaging/smoke-test dist/treaty-tracker/treaty-tracker

# The README's pictures: the main window, the review of drafts from an article, the
# attachments, and the first page of a sample fact sheet and of a short summary (needs pdftoppm).
screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshot docs/main-window.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.article_screenshot docs/article-dialog.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.attachment_screenshot docs/attachments.png
	rm -rf build/screenshot && mkdir -p build/screenshot
	$(BIN)/python main.py --db build/screenshot/sample.db load-sample
	$(BIN)/python main.py --db build/screenshot/sample.db report build/screenshot/sheet.pdf --id 1 --author "Treaty Tracker"
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile build/screenshot/sheet.pdf docs/fact-sheet
	$(BIN)/python main.py --db build/screenshot/sample.db report build/screenshot/summary.pdf --field Transport --party KAZ --party UZB --signed-from 2021 --signed-to 2021
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile build/screenshot/summary.pdf docs/short-summary

# Benchmarks at 10k, 50k and 250k agreements (about 30 minutes); writes benchmarks/RESULTS.md.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.suite
