<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Treaty Tracker</source>
        <translation>О программе Treaty Tracker</translation>
    </message>
    <message>
        <source>Treaty Tracker %1

Record international agreements by field and party, filter them, and export PDF summaries.

Database in use: %2
Default data folder: %3
Log: %4
Qt %5 (PySide6 %6), Python %7

Licences: %8</source>
        <translation>Treaty Tracker %1

Учёт международных соглашений по сферам и сторонам: отбор и сводки в PDF.

Открытая база данных: %2
Папка данных по умолчанию: %3
Журнал: %4
Qt %5 (PySide6 %6), Python %7

Лицензии: %8</translation>
    </message>
</context>
<context>
    <name>ActiveFilters</name>
    <message>
        <source>Active filters</source>
        <translation>Активные фильтры</translation>
    </message>
    <message>
        <source>Remove this filter: %1</source>
        <translation>Снять этот фильтр: %1</translation>
    </message>
    <message>
        <source>Remove filter %1</source>
        <translation>Снять фильтр %1</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Сферы</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Source &amp;&amp; notes</source>
        <translation>Источник &amp;&amp; заметки</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Не указано</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>Обязательное</translation>
    </message>
    <message>
        <source>Non-binding</source>
        <translation>Необязательное</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>e.g. 15 July 2022, July 2022, 2022</source>
        <translation>напр. 15 июля 2022, июль 2022, 2022</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>Сохранить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Обязательно</translation>
    </message>
    <message>
        <source>Short title</source>
        <translation>Краткое название</translation>
    </message>
    <message>
        <source>Alternative titles</source>
        <translation>Другие названия</translation>
    </message>
    <message>
        <source>One title per line</source>
        <translation>По одному названию в строке</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Depositary</source>
        <translation>Депозитарий</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. Russian, Uzbek</source>
        <translation>Через запятую, напр. русский, узбекский</translation>
    </message>
    <message>
        <source>UN registration number</source>
        <translation>Регистрационный номер ООН</translation>
    </message>
    <message>
        <source>e.g. I-54321</source>
        <translation>напр. I-54321</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <source>S&amp;hort title</source>
        <translation>&amp;Краткое название</translation>
    </message>
    <message>
        <source>&amp;Alternative titles</source>
        <translation>&amp;Другие названия</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>&amp;Уровень</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>&amp;Статус</translation>
    </message>
    <message>
        <source>&amp;Binding</source>
        <translation>&amp;Обязательность</translation>
    </message>
    <message>
        <source>&amp;Depositary</source>
        <translation>Де&amp;позитарий</translation>
    </message>
    <message>
        <source>Lan&amp;guages</source>
        <translation>&amp;Языки</translation>
    </message>
    <message>
        <source>&amp;UN registration no.</source>
        <translation>&amp;Номер регистрации в ООН</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Дата подписания</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Место подписания</translation>
    </message>
    <message>
        <source>Place, e.g. Nur-Sultan</source>
        <translation>Город, напр. Нур-Султан</translation>
    </message>
    <message>
        <source>Entry into force</source>
        <translation>Вступление в силу</translation>
    </message>
    <message>
        <source>Entry into force rule</source>
        <translation>Условие вступления в силу</translation>
    </message>
    <message>
        <source>e.g. 30th day after the 22nd ratification</source>
        <translation>напр. на 30-й день после 22-й ратификации</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Дата истечения</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>e.g. 5 years</source>
        <translation>напр. 5 лет</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Продление</translation>
    </message>
    <message>
        <source>e.g. for 5 years unless denounced 6 months before</source>
        <translation>напр. на 5 лет, если не денонсировано за 6 месяцев</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>Дата прекращения</translation>
    </message>
    <message>
        <source>Termination grounds</source>
        <translation>Основания прекращения</translation>
    </message>
    <message>
        <source>&amp;Signed on</source>
        <translation>&amp;Дата подписания</translation>
    </message>
    <message>
        <source>Signed &amp;at</source>
        <translation>&amp;Место подписания</translation>
    </message>
    <message>
        <source>&amp;Entry into force</source>
        <translation>&amp;Вступление в силу</translation>
    </message>
    <message>
        <source>Entry into force &amp;rule</source>
        <translation>&amp;Условие вступления в силу</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>Дата &amp;истечения</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>Срок дейст&amp;вия</translation>
    </message>
    <message>
        <source>Re&amp;newal</source>
        <translation>&amp;Продление</translation>
    </message>
    <message>
        <source>Ter&amp;minated on</source>
        <translation>Дата п&amp;рекращения</translation>
    </message>
    <message>
        <source>Termination &amp;grounds</source>
        <translation>&amp;Основания прекращения</translation>
    </message>
    <message>
        <source>Write e.g. %1</source>
        <translation>Например: %1</translation>
    </message>
    <message>
        <source>read as %1</source>
        <translation>понято как %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Dated events to track: review due, expiry, renewal notice …</source>
        <translation>Даты, за которыми нужно следить: пересмотр, истечение срока, уведомление о продлении …</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое содержание</translation>
    </message>
    <message>
        <source>What it provides for</source>
        <translation>Что предусматривает</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Your own notes</source>
        <translation>Ваши собственные заметки</translation>
    </message>
    <message>
        <source>Source citation</source>
        <translation>Ссылка на источник</translation>
    </message>
    <message>
        <source>e.g. UNTS vol. 2994, p. 123</source>
        <translation>напр. UNTS, т. 2994, с. 123</translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation>Адрес источника</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation>&amp;Краткое содержание</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>Source &amp;citation</source>
        <translation>&amp;Ссылка на источник</translation>
    </message>
    <message>
        <source>Source &amp;URL</source>
        <translation>&amp;Адрес источника</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Не загружено</translation>
    </message>
    <message>
        <source>Not loaded: %1.</source>
        <translation>Не загружено: %1.</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Новое соглашение</translation>
    </message>
    <message>
        <source>Edit agreement %1 (version %2)</source>
        <translation>Правка соглашения %1 (версия %2)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>Ничего не сохранено: %1.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>«%1» (может быть, «%2»?)</translation>
    </message>
    <message>
        <source>Record as new</source>
        <translation>Записать как новую</translation>
    </message>
    <message>
        <source>New party?</source>
        <translation>Новая сторона?</translation>
    </message>
    <message>
        <source>Not a known state or organisation: %1.</source>
        <translation>Нет среди известных государств и организаций: %1.</translation>
    </message>
    <message>
        <source>%1 adds it as a new party, spelt as typed. %2 lets you correct the name.</source>
        <translation>«%1» добавляет её как новую сторону в написании, как введено. «%2» позволяет исправить название.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продолжить правку</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Возможный дубликат</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перезагрузить</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Изменено другим пользователем</translation>
    </message>
    <message>
        <source>Not saved: %1.</source>
        <translation>Не сохранено: %1.</translation>
    </message>
    <message>
        <source>%1 shows their version in place of your changes. %2 leaves your changes here, unsaved.</source>
        <translation>«%1» покажет их версию вместо ваших изменений. «%2» оставит ваши изменения здесь, несохранёнными.</translation>
    </message>
    <message>
        <source>Discard and reload</source>
        <translation>Отменить и перезагрузить</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Отменить ваши изменения?</translation>
    </message>
    <message>
        <source>Discard your changes and show version %1?</source>
        <translation>Отменить ваши изменения и показать версию %1?</translation>
    </message>
    <message>
        <source>Save as new agreement</source>
        <translation>Сохранить как новое соглашение</translation>
    </message>
    <message>
        <source>Agreement deleted</source>
        <translation>Соглашение удалено</translation>
    </message>
    <message>
        <source>Not saved: agreement %1 was deleted since you opened it.</source>
        <translation>Не сохранено: соглашение %1 удалено после того, как вы его открыли.</translation>
    </message>
    <message>
        <source>%1 records what you see here under a new number.</source>
        <translation>«%1» запишет то, что вы видите, под новым номером.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Не сохранять изменения?</translation>
    </message>
    <message>
        <source>Close without saving your changes?</source>
        <translation>Закрыть, не сохраняя изменений?</translation>
    </message>
    <message>
        <source>Has problems to fix</source>
        <translation>Есть ошибки, которые нужно исправить</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n problem(s), marked in red.</source>
        <translation>
            <numerusform>Не сохранено: %n ошибка, отмечена красным.</numerusform>
            <numerusform>Не сохранено: %n ошибки, отмечены красным.</numerusform>
            <numerusform>Не сохранено: %n ошибок, отмечены красным.</numerusform>
        </translation>
    </message>
    <message>
        <source>Milestone %1, %2: %3</source>
        <translation>Этап %1, %2: %3</translation>
    </message>
    <message>
        <source>Nothing was saved: the database refused the change (%1). Try again.</source>
        <translation>Ничего не сохранено: база данных отклонила изменение (%1). Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>AgreementTableModel</name>
    <message>
        <source>(deleted)</source>
        <translation>(удалено)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Can&apos;t open the database</source>
        <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
        <source>%1

The default database is opened instead.</source>
        <translation>%1

Вместо неё открыта база данных по умолчанию.</translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message>
        <source>New from article</source>
        <translation>Создание по статье</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Открыть файл…</translation>
    </message>
    <message>
        <source>Read an article from a text, HTML or PDF file</source>
        <translation>Прочитать статью из текстового файла, HTML или PDF</translation>
    </message>
    <message>
        <source>Published on:</source>
        <translation>Дата публикации:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (else the article&apos;s dateline)</source>
        <translation>ГГГГ-ММ-ДД (иначе — дата в самой статье)</translation>
    </message>
    <message>
        <source>The day the article appeared: &apos;Monday&apos;, &apos;yesterday&apos; and &apos;this week&apos; count from it</source>
        <translation>День выхода статьи: от него отсчитываются «в понедельник», «вчера» и «на этой неделе»</translation>
    </message>
    <message>
        <source>&amp;Draft agreements</source>
        <translation>&amp;Составить проекты</translation>
    </message>
    <message>
        <source>Paste the article here, or open a file.</source>
        <translation>Вставьте сюда текст статьи или откройте файл.</translation>
    </message>
    <message>
        <source>No drafts yet.</source>
        <translation>Проектов пока нет.</translation>
    </message>
    <message>
        <source>&amp;Save kept drafts</source>
        <translation>Со&amp;хранить отмеченные проекты</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>Открыть статью</translation>
    </message>
    <message>
        <source>Articles (*.txt *.html *.htm *.pdf);;All files (*)</source>
        <translation>Статьи (*.txt *.html *.htm *.pdf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date: give the publication date as YYYY-MM-DD.</source>
        <translation>«%1» — не дата: укажите дату публикации в виде ГГГГ-ММ-ДД.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <translation>
            <numerusform>%Ln проект</numerusform>
            <numerusform>%Ln проекта</numerusform>
            <numerusform>%Ln проектов</numerusform>
        </translation>
    </message>
    <message>
        <source>published %1</source>
        <translation>опубликовано %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln like recorded agreements (not ticked)</source>
        <translation>
            <numerusform>%Ln похож на уже внесённые соглашения (не отмечен)</numerusform>
            <numerusform>%Ln похожи на уже внесённые соглашения (не отмечены)</numerusform>
            <numerusform>%Ln похожи на уже внесённые соглашения (не отмечены)</numerusform>
        </translation>
    </message>
    <message>
        <source>. Select a cell to see the sentence behind it.</source>
        <translation>. Выберите ячейку, чтобы увидеть предложение, из которого взято значение.</translation>
    </message>
    <message>
        <source>No drafts: the article reports no document signed, initialled or adopted.</source>
        <translation>Проектов нет: в статье не сообщается о подписании, парафировании или принятии какого-либо документа.</translation>
    </message>
    <message>
        <source>Looks like recorded agreement %1</source>
        <translation>Похоже на внесённое соглашение %1</translation>
    </message>
    <message>
        <source>Tick the drafts to save.</source>
        <translation>Отметьте проекты, которые нужно сохранить.</translation>
    </message>
    <message>
        <source>Nothing saved: %1</source>
        <translation>Ничего не сохранено: %1</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Не выполнено: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentNotes</name>
    <message>
        <source>text searched</source>
        <translation>текст участвует в поиске</translation>
    </message>
    <message>
        <source>scanned PDF: no text layer to search</source>
        <translation>отсканированный PDF: текстового слоя для поиска нет</translation>
    </message>
    <message>
        <source>text could not be read</source>
        <translation>текст прочитать не удалось</translation>
    </message>
    <message>
        <source>no text to search</source>
        <translation>текста для поиска нет</translation>
    </message>
    <message>
        <source>a scanned PDF: it has no text layer to search</source>
        <translation>отсканированный PDF: в нём нет текстового слоя для поиска</translation>
    </message>
    <message>
        <source>an encrypted PDF: its text could not be read</source>
        <translation>зашифрованный PDF: его текст прочитать не удалось</translation>
    </message>
    <message>
        <source>an encrypted %1 file: its text could not be read</source>
        <translation>зашифрованный файл %1: его текст прочитать не удалось</translation>
    </message>
    <message>
        <source>not a readable PDF (%1)</source>
        <translation>PDF не читается (%1)</translation>
    </message>
    <message>
        <source>not a readable %1 file (it is not a zip archive)</source>
        <translation>файл %1 не читается (это не zip-архив)</translation>
    </message>
    <message>
        <source>not a readable %1 file (it has no %2)</source>
        <translation>файл %1 не читается (в нём нет %2)</translation>
    </message>
    <message>
        <source>not a readable %1 file (%2)</source>
        <translation>файл %1 не читается (%2)</translation>
    </message>
    <message>
        <source>its text could not be read (%1)</source>
        <translation>его текст прочитать не удалось (%1)</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>The selected agreement&apos;s files appear here. Add… (or drop files here) keeps its signed text, a translation or a press release with it; their text is searched with the rest.</source>
        <translation>Здесь появляются файлы выбранного соглашения. «Добавить…» (или перетащите файлы сюда) сохраняет при нём подписанный текст, перевод или пресс-релиз; их текст ищется вместе с остальным.</translation>
    </message>
    <message>
        <source>searched</source>
        <translation>ищется</translation>
    </message>
    <message>
        <source>⚠ scanned: no text layer</source>
        <translation>⚠ скан: нет текстового слоя</translation>
    </message>
    <message>
        <source>⚠ could not be read</source>
        <translation>⚠ не удалось прочитать</translation>
    </message>
    <message>
        <source>not searched</source>
        <translation>не ищется</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Attach files to this agreement</source>
        <translation>Прикрепить файлы к этому соглашению</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open with the system&apos;s viewer</source>
        <translation>Открыть программой просмотра системы</translation>
    </message>
    <message>
        <source>Save copy…</source>
        <translation>Сохранить копию…</translation>
    </message>
    <message>
        <source>Save a copy of the file</source>
        <translation>Сохранить копию файла</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Заменить…</translation>
    </message>
    <message>
        <source>Add a new version (the earlier ones stay listed)</source>
        <translation>Добавить новую версию (прежние останутся в списке)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Remove it (kept, and no longer searched)</source>
        <translation>Убрать (файл сохраняется, но больше не ищется)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Bring the removed attachment back</source>
        <translation>Вернуть убранное вложение</translation>
    </message>
    <message>
        <source>Show removed</source>
        <translation>Показать убранные</translation>
    </message>
    <message>
        <source>List removed attachments too, to restore them</source>
        <translation>Показывать и убранные вложения, чтобы их восстановить</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(убрано)</translation>
    </message>
    <message>
        <source>v%1</source>
        <comment>a file&apos;s version, under the Version column</comment>
        <translation>%1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>added by %1</source>
        <translation>добавил(а) %1</translation>
    </message>
    <message>
        <source>Found only in %1 (%2): %3</source>
        <translation>Найдено только в %1 (%2): %3</translation>
    </message>
    <message>
        <source>Also found in %1 (%2): %3</source>
        <translation>Найдено также в %1 (%2): %3</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>Attaching %1…</source>
        <translation>Прикрепление: %1…</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>Заменить %1</translation>
    </message>
    <message>
        <source>Storing %1…</source>
        <translation>Сохранение: %1…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Убрать вложение</translation>
    </message>
    <message>
        <source>Remove %1? It is kept, but no longer listed or searched: Undo, or Show removed and Restore, brings it back.</source>
        <translation>Убрать %1? Файл сохраняется, но больше не показывается и не ищется: вернуть его можно отменой или через «Показать убранные» и «Восстановить».</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Запись: %1…</translation>
    </message>
    <message>
        <source>no program to open %1 was found</source>
        <translation>не найдена программа, чтобы открыть %1</translation>
    </message>
    <message>
        <source>Files are attached, replaced and removed at once, not when the agreement is saved.</source>
        <translation>Файлы прикрепляются, заменяются и убираются сразу, а не при сохранении соглашения.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>attachment %1 was removed: restore it first</source>
        <translation>вложение %1 удалено: сначала восстановите его</translation>
    </message>
    <message>
        <source>attachment %1 has no version %2</source>
        <translation>у вложения %1 нет версии %2</translation>
    </message>
    <message>
        <source>no attachment version %1</source>
        <translation>версии вложения %1 нет</translation>
    </message>
    <message>
        <source>the stored copy of %1 does not match its checksum: it was not saved</source>
        <translation>сохранённая копия %1 не совпадает со своей контрольной суммой: файл не сохранён</translation>
    </message>
    <message>
        <source>can&apos;t write %1: %2; nothing was saved</source>
        <translation>не удаётся записать %1: %2; ничего не сохранено</translation>
    </message>
    <message>
        <source>the file name %1 can&apos;t be stored: rename the file</source>
        <translation>имя файла %1 сохранить нельзя: переименуйте файл</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 — не файл</translation>
    </message>
    <message>
        <source>%1 is %2, over the limit of %3 for an attachment ($%4 sets it): it was not attached</source>
        <translation>%1 весит %2, больше предела в %3 для вложения (его задаёт $%4): файл не приложен</translation>
    </message>
    <message>
        <source>can&apos;t read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>the label %1 is too long (the limit is %2)</source>
        <translation>подпись %1 слишком длинна (предел — %2)</translation>
    </message>
    <message>
        <source>the language %1 is too long (the limit is %2)</source>
        <translation>язык %1 записан слишком длинно (предел — %2)</translation>
    </message>
    <message>
        <source>attachment %1 does not exist</source>
        <translation>вложения %1 нет</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message numerus="yes">
        <source>; the latest good backup is %1 (%2, %Ln agreement(s)): restore it with &apos;treaty-tracker --db %3 restore-backup %1&apos;</source>
        <translation>
            <numerusform>; последняя исправная резервная копия — %1 (%2, %Ln соглашение): восстановите её командой &apos;treaty-tracker --db %3 restore-backup %1&apos;</numerusform>
            <numerusform>; последняя исправная резервная копия — %1 (%2, %Ln соглашения): восстановите её командой &apos;treaty-tracker --db %3 restore-backup %1&apos;</numerusform>
            <numerusform>; последняя исправная резервная копия — %1 (%2, %Ln соглашений): восстановите её командой &apos;treaty-tracker --db %3 restore-backup %1&apos;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>(leave as it is)</source>
        <translation>(не менять)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Bulk edit</source>
        <translation>Массовое изменение</translation>
    </message>
    <message>
        <source>Choose a change: what it does shows here.</source>
        <translation>Выберите изменение: здесь будет показано, что оно сделает.</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Предпросмотр:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected</source>
        <translation>
            <numerusform>Выбранные: %Ln</numerusform>
            <numerusform>Выбранные: %Ln</numerusform>
            <numerusform>Выбранные: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching the filter</source>
        <translation>
            <numerusform>Отвечающие фильтру: %Ln</numerusform>
            <numerusform>Отвечающие фильтру: %Ln</numerusform>
            <numerusform>Отвечающие фильтру: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. Energy, or Transport &gt; Rail</source>
        <translation>напр. Energy или Transport &gt; Rail</translation>
    </message>
    <message>
        <source>e.g. Türkiye, KAZ, Oʻzbekiston</source>
        <translation>напр. Türkiye, KAZ, Oʻzbekiston</translation>
    </message>
    <message>
        <source>date: YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>дата: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <source>as</source>
        <translation>в качестве</translation>
    </message>
    <message>
        <source>Set status:</source>
        <translation>Задать статус:</translation>
    </message>
    <message>
        <source>Set kind:</source>
        <translation>Задать вид:</translation>
    </message>
    <message>
        <source>Set level:</source>
        <translation>Задать уровень:</translation>
    </message>
    <message>
        <source>Add field:</source>
        <translation>Добавить сферу:</translation>
    </message>
    <message>
        <source>Remove field:</source>
        <translation>Убрать сферу:</translation>
    </message>
    <message>
        <source>Add party:</source>
        <translation>Добавить сторону:</translation>
    </message>
    <message>
        <source>Remove party:</source>
        <translation>Убрать сторону:</translation>
    </message>
    <message>
        <source>Add note:</source>
        <translation>Добавить заметку:</translation>
    </message>
    <message>
        <source>Add milestone:</source>
        <translation>Добавить этап:</translation>
    </message>
    <message numerus="yes">
        <source>Changing %Ln agreement(s)…</source>
        <translation>
            <numerusform>Изменение %Ln соглашения…</numerusform>
            <numerusform>Изменение %Ln соглашений…</numerusform>
            <numerusform>Изменение %Ln соглашений…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Отменено: ничего не изменено.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Не изменено: %1</translation>
    </message>
</context>
<context>
    <name>BulkEditPreview</name>
    <message>
        <source>agreement %1 &apos;%2&apos;: %3</source>
        <translation>соглашение %1 «%2»: %3</translation>
    </message>
    <message>
        <source>nothing was changed: %1</source>
        <translation>ничего не изменено: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s) would change</source>
        <translation>
            <numerusform>%Ln соглашение изменится</numerusform>
            <numerusform>%Ln соглашения изменятся</numerusform>
            <numerusform>%Ln соглашений изменится</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… и ещё %Ln</numerusform>
            <numerusform>… и ещё %Ln</numerusform>
            <numerusform>… и ещё %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s) would stay as they are</source>
        <translation>
            <numerusform>%Ln соглашение останется как есть</numerusform>
            <numerusform>%Ln соглашения останутся как есть</numerusform>
            <numerusform>%Ln соглашений останется как есть</numerusform>
        </translation>
    </message>
    <message>
        <source>New parties: %1</source>
        <translation>Новые стороны: %1</translation>
    </message>
    <message>
        <source>New fields: %1</source>
        <translation>Новые сферы: %1</translation>
    </message>
    <message>
        <source>Not found (deleted?): %1</source>
        <translation>Не найдены (удалены?): %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Отказ: %1</translation>
    </message>
    <message>
        <source>the edit changes nothing: give at least one change</source>
        <translation>правка ничего не меняет: задайте хотя бы одно изменение</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; is ambiguous: give the full path</source>
        <translation>сфера «%1» неоднозначна: укажите полный путь</translation>
    </message>
    <message>
        <source>a field to add needs a name</source>
        <translation>у добавляемой сферы должно быть название</translation>
    </message>
    <message>
        <source>no field &apos;%1&apos; is recorded</source>
        <translation>сферы «%1» в базе нет</translation>
    </message>
    <message>
        <source>a party to add needs a name</source>
        <translation>у добавляемой стороны должно быть название</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recorded party (did you mean &apos;%2&apos;?)</source>
        <translation>стороны «%1» в базе нет (может быть, «%2»?)</translation>
    </message>
    <message>
        <source>no party &apos;%1&apos; is recorded (did you mean %2?)</source>
        <translation>стороны «%1» в базе нет (может быть, %2?)</translation>
    </message>
    <message>
        <source>no party &apos;%1&apos; is recorded</source>
        <translation>стороны «%1» в базе нет</translation>
    </message>
    <message>
        <source>already as the edit would make it</source>
        <translation>уже соответствует правке</translation>
    </message>
    <message>
        <source>nothing to remove</source>
        <translation>нечего удалять</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>role of %1 → %2</source>
        <translation>роль стороны %1 → %2</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>level</source>
        <translation>уровень</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>note added</source>
        <translation>добавлена заметка</translation>
    </message>
    <message>
        <source>milestone + %1</source>
        <translation>этап + %1</translation>
    </message>
    <message>
        <source>field − %1</source>
        <translation>сфера − %1</translation>
    </message>
    <message>
        <source>field + %1</source>
        <translation>сфера + %1</translation>
    </message>
    <message>
        <source>party − %1</source>
        <translation>сторона − %1</translation>
    </message>
    <message>
        <source>role of %1: %2 → %3</source>
        <translation>роль стороны %1: %2 → %3</translation>
    </message>
    <message>
        <source>party + %1 (%2)</source>
        <translation>сторона + %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; are two different states</source>
        <translation>«%1» и «%2» — два разных государства</translation>
    </message>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; are two different organisations</source>
        <translation>«%1» и «%2» — две разные организации</translation>
    </message>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos;: a state and an organisation</source>
        <translation>«%1» и «%2»: государство и организация</translation>
    </message>
    <message>
        <source>a field needs a name</source>
        <translation>у сферы должно быть название</translation>
    </message>
    <message>
        <source>a party needs a name</source>
        <translation>у стороны должно быть название</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already names the party &apos;%2&apos;; merge them instead</source>
        <translation>«%1» — уже название стороны «%2»; лучше объедините их</translation>
    </message>
    <message>
        <source>a party can&apos;t be merged into itself</source>
        <translation>сторону нельзя объединить с ней самой</translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; and &apos;%2&apos; both take part in %Ln agreement(s); edit those first so that only one of them is listed</source>
        <translation>
            <numerusform>«%1» и «%2» обе участвуют в %Ln соглашении; сначала исправьте его, чтобы в нём осталась только одна из них</numerusform>
            <numerusform>«%1» и «%2» обе участвуют в %Ln соглашениях; сначала исправьте их, чтобы в каждом осталась только одна из них</numerusform>
            <numerusform>«%1» и «%2» обе участвуют в %Ln соглашениях; сначала исправьте их, чтобы в каждом осталась только одна из них</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; takes part in %Ln agreement(s); it can&apos;t be deleted</source>
        <translation>
            <numerusform>«%1» участвует в %Ln соглашении; удалить её нельзя</numerusform>
            <numerusform>«%1» участвует в %Ln соглашениях; удалить её нельзя</numerusform>
            <numerusform>«%1» участвует в %Ln соглашениях; удалить её нельзя</numerusform>
        </translation>
    </message>
    <message>
        <source>a field named &apos;%1&apos; already exists there; merge them instead</source>
        <translation>сфера «%1» там уже есть; лучше объедините их</translation>
    </message>
    <message>
        <source>a field can&apos;t be merged into itself</source>
        <translation>сферу нельзя объединить с ней самой</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has subfields; move or merge them first</source>
        <translation>у сферы «%1» есть подсферы; сначала перенесите или объедините их</translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; is the field of %Ln agreement(s); it can&apos;t be deleted</source>
        <translation>
            <numerusform>«%1» — сфера %Ln соглашения; удалить её нельзя</numerusform>
            <numerusform>«%1» — сфера %Ln соглашений; удалить её нельзя</numerusform>
            <numerusform>«%1» — сфера %Ln соглашений; удалить её нельзя</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; has subfields; delete them first</source>
        <translation>у сферы «%1» есть подсферы; сначала удалите их</translation>
    </message>
    <message>
        <source>party %1 no longer exists</source>
        <translation>стороны %1 больше нет</translation>
    </message>
    <message>
        <source>field %1 no longer exists</source>
        <translation>сферы %1 больше нет</translation>
    </message>
    <message>
        <source>a view named &apos;%1&apos; already exists</source>
        <translation>вид «%1» уже есть</translation>
    </message>
    <message>
        <source>a view needs a name</source>
        <translation>у вида должно быть название</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message numerus="yes">
        <source>these %Ln agreement(s)</source>
        <translation>
            <numerusform>эти %Ln соглашение</numerusform>
            <numerusform>эти %Ln соглашения</numerusform>
            <numerusform>эти %Ln соглашений</numerusform>
        </translation>
    </message>
    <message>
        <source>agreement %1</source>
        <translation>соглашение %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team database</source>
        <translation>Подключение к общей базе данных</translation>
    </message>
    <message>
        <source>not saved; empty: ~/.pgpass or PGPASSWORD</source>
        <translation>не сохраняется; если пусто — из ~/.pgpass или PGPASSWORD</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>По&amp;льзователь:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Give the server and the database.</source>
        <translation>Укажите сервер и базу данных.</translation>
    </message>
    <message>
        <source>Give the server.</source>
        <translation>Укажите сервер.</translation>
    </message>
    <message>
        <source>Give the database.</source>
        <translation>Укажите базу данных.</translation>
    </message>
</context>
<context>
    <name>DamagedOffer</name>
    <message numerus="yes">
        <source>%1.

Restore the latest good backup, made %2 with %Ln agreement(s)? The damaged file is kept beside the backups.</source>
        <translation>
            <numerusform>%1.

Восстановить последнюю исправную резервную копию от %2 (в ней %Ln соглашение)? Повреждённый файл будет сохранён рядом с резервными копиями.</numerusform>
            <numerusform>%1.

Восстановить последнюю исправную резервную копию от %2 (в ней %Ln соглашения)? Повреждённый файл будет сохранён рядом с резервными копиями.</numerusform>
            <numerusform>%1.

Восстановить последнюю исправную резервную копию от %2 (в ней %Ln соглашений)? Повреждённый файл будет сохранён рядом с резервными копиями.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Не восстановлено</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>&apos;%1&apos; is not a database URL: %2</source>
        <translation>«%1» — не адрес базы данных: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не существует</translation>
    </message>
    <message>
        <source>%1 needs an upgrade to schema %2 (it is at %3), and this connection may only read: open it once with a user who may change it</source>
        <translation>%1 нужно обновить до схемы %2 (сейчас %3), а это подключение может только читать: откройте базу один раз от имени пользователя, которому можно её изменять</translation>
    </message>
    <message>
        <source>can&apos;t create %1: %2</source>
        <translation>не удаётся создать %1: %2</translation>
    </message>
    <message>
        <source>the server %1 refused user &apos;%2&apos; (wrong password or no access): check the user name and the password in ~/.pgpass or PGPASSWORD</source>
        <translation>сервер %1 не пустил пользователя «%2» (неверный пароль или нет доступа): проверьте имя пользователя и пароль в ~/.pgpass или PGPASSWORD</translation>
    </message>
    <message>
        <source>there is no database &apos;%1&apos; on the server %2</source>
        <translation>на сервере %2 нет базы данных «%1»</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; may not use %2: %3</source>
        <translation>пользователю «%1» нельзя работать с %2: %3</translation>
    </message>
    <message>
        <source>can&apos;t reach the database server %1 (%2): is it running, and does it accept connections from this computer?</source>
        <translation>сервер баз данных %1 недоступен (%2): запущен ли он и принимает ли подключения с этого компьютера?</translation>
    </message>
    <message>
        <source>can&apos;t open %1: %2</source>
        <translation>не удаётся открыть %1: %2</translation>
    </message>
    <message>
        <source>can&apos;t open %1: its folder is read-only (%2)</source>
        <translation>не удаётся открыть %1: его папка доступна только для чтения (%2)</translation>
    </message>
    <message>
        <source>%1 is busy: another program kept it locked for over %2 seconds; nothing was changed, try again</source>
        <translation>%1 занят: другая программа держала его заблокированным дольше %2 с; ничего не изменено, попробуйте ещё раз</translation>
    </message>
    <message>
        <source>the upgrade found %1 broken links between records (first in table %2); nothing was changed</source>
        <translation>при обновлении найдены разорванные связи между записями: %1 (первая — в таблице %2); ничего не изменено</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of Treaty Tracker (schema %2); update the app to open it</source>
        <translation>%1 создана более новой версией Treaty Tracker (схема %2); обновите программу, чтобы её открыть</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation>%1 — папка, а не файл базы данных</translation>
    </message>
    <message>
        <source>%1 is not a Treaty Tracker database (not an SQLite file)</source>
        <translation>%1 — не база данных Treaty Tracker (это не файл SQLite)</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not a Treaty Tracker database</source>
        <translation>%1 — база данных SQLite другой программы, а не Treaty Tracker</translation>
    </message>
    <message>
        <source>can&apos;t open %1: no access (%2)</source>
        <translation>не удаётся открыть %1: нет доступа (%2)</translation>
    </message>
    <message>
        <source>%1; the upgrade was not made</source>
        <translation>%1; обновление не выполнено</translation>
    </message>
    <message>
        <source>%1 already exists: choose a new name, nothing was written</source>
        <translation>%1 уже существует: выберите другое имя; ничего не записано</translation>
    </message>
    <message>
        <source>the backup of %1 failed SQLite&apos;s check (%2), so it was not kept: %1 itself may be damaged</source>
        <translation>резервная копия %1 не прошла проверку SQLite (%2) и не сохранена: возможно, повреждён сам %1</translation>
    </message>
    <message>
        <source>can&apos;t back up %1: %2</source>
        <translation>не удаётся сделать резервную копию %1: %2</translation>
    </message>
    <message>
        <source>can&apos;t write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>%1 can&apos;t be restored: it failed SQLite&apos;s check (%2)</source>
        <translation>%1 восстановить нельзя: копия не прошла проверку SQLite (%2)</translation>
    </message>
    <message>
        <source>%1 is open in another window or program: close it there, then restore</source>
        <translation>%1 открыт в другом окне или программе: закройте его там, затем восстанавливайте</translation>
    </message>
    <message>
        <source>can&apos;t restore %1 over %2: %3</source>
        <translation>не удаётся восстановить %1 на место %2: %3</translation>
    </message>
    <message>
        <source>%1 is damaged (%2): nothing was written to it; restore it from a backup, or copy what can still be read with the sqlite3 tool&apos;s .recover</source>
        <translation>%1 повреждён (%2): в него ничего не записано; восстановите его из резервной копии или скопируйте то, что ещё читается, командой .recover программы sqlite3</translation>
    </message>
    <message>
        <source>%1 is locked by another program (it holds the database for itself): close that program, then try again</source>
        <translation>%1 заблокирован другой программой (она держит базу данных только для себя): закройте ту программу и попробуйте ещё раз</translation>
    </message>
    <message>
        <source>%1 is the database being exported: choose another file name</source>
        <translation>%1 — та самая база данных, что экспортируется: выберите другое имя файла</translation>
    </message>
    <message>
        <source>%1 is a SQLite database, which the export would overwrite: choose another file name</source>
        <translation>%1 — база данных SQLite, экспорт записал бы поверх неё: выберите другое имя файла</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Opening %1…</source>
        <translation>Открывается %1…</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln день</numerusform>
            <numerusform>%Ln дня</numerusform>
            <numerusform>%Ln дней</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln год</numerusform>
            <numerusform>%Ln года</numerusform>
            <numerusform>%Ln лет</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln месяц</numerusform>
            <numerusform>%Ln месяца</numerusform>
            <numerusform>%Ln месяцев</numerusform>
        </translation>
    </message>
    <message>
        <source>indefinite</source>
        <translation>бессрочно</translation>
    </message>
    <message>
        <source>automatic for %1</source>
        <translation>автоматически на %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>не продлевается</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>автоматически</translation>
    </message>
    <message>
        <source>tacit</source>
        <translation>молчаливо</translation>
    </message>
    <message>
        <source>by agreement</source>
        <translation>по договорённости сторон</translation>
    </message>
    <message>
        <source>on signature</source>
        <translation>с момента подписания</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>с %1</translation>
    </message>
    <message numerus="yes">
        <source>after %Ln ratification(s)</source>
        <translation>
            <numerusform>после %Ln ратификации</numerusform>
            <numerusform>после %Ln ратификаций</numerusform>
            <numerusform>после %Ln ратификаций</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 after %Ln ratification(s)</source>
        <translation>
            <numerusform>через %1 после %Ln ратификации</numerusform>
            <numerusform>через %1 после %Ln ратификаций</numerusform>
            <numerusform>через %1 после %Ln ратификаций</numerusform>
        </translation>
    </message>
    <message>
        <source>on last notification</source>
        <translation>в день последнего уведомления</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) after last notification</source>
        <translation>
            <numerusform>через %Ln день после последнего уведомления</numerusform>
            <numerusform>через %Ln дня после последнего уведомления</numerusform>
            <numerusform>через %Ln дней после последнего уведомления</numerusform>
        </translation>
    </message>
    <message>
        <source>on last ratification</source>
        <translation>в день последней ратификации</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) after last ratification</source>
        <translation>
            <numerusform>через %Ln день после последней ратификации</numerusform>
            <numerusform>через %Ln дня после последней ратификации</numerusform>
            <numerusform>через %Ln дней после последней ратификации</numerusform>
        </translation>
    </message>
    <message>
        <source>entry into force %1</source>
        <translation>вступление в силу %1</translation>
    </message>
    <message>
        <source>expiry as recorded</source>
        <translation>записанная дата истечения срока</translation>
    </message>
    <message>
        <source>entry into force on signature: the signing date is not recorded</source>
        <translation>вступление в силу с момента подписания: дата подписания не записана</translation>
    </message>
    <message>
        <source>entry into force %1: %2 is not known to the day</source>
        <translation>вступление в силу %1: дата %2 известна не до дня</translation>
    </message>
    <message>
        <source>entry into force %1 (%2)</source>
        <translation>вступление в силу %1 (%2)</translation>
    </message>
    <message>
        <source>entry into force %1: %2 of %3 recorded so far</source>
        <translation>вступление в силу %1: пока записано %2 из %3</translation>
    </message>
    <message>
        <source>any party</source>
        <translation>любую из сторон</translation>
    </message>
    <message>
        <source>entry into force %1: waiting for %2</source>
        <translation>вступление в силу %1: ожидаем %2</translation>
    </message>
    <message>
        <source>entry into force on %1</source>
        <translation>даты вступления в силу (%1)</translation>
    </message>
    <message>
        <source>the expected entry into force on %1</source>
        <translation>ожидаемой даты вступления в силу (%1)</translation>
    </message>
    <message>
        <source>expiry after %1: the entry into force is not recorded</source>
        <translation>истечение срока через %1: вступление в силу не записано</translation>
    </message>
    <message>
        <source>expiry after %1: %2 is too vague to count from</source>
        <translation>истечение срока через %1: от даты %2 нельзя отсчитать точно</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 с %2</translation>
    </message>
    <message>
        <source>renewed tacitly</source>
        <translation>продлевается молчаливо</translation>
    </message>
    <message>
        <source>renewed automatically</source>
        <translation>продлевается автоматически</translation>
    </message>
    <message>
        <source>the recorded expiry</source>
        <translation>записанная дата истечения срока</translation>
    </message>
    <message>
        <source>%1, %2 for %3</source>
        <translation>%1, %2 на %3</translation>
    </message>
    <message>
        <source>%1 (%2 renewal)</source>
        <translation>%1 (%2 продление)</translation>
    </message>
    <message>
        <source>%1 before the renewal on %2</source>
        <translation>за %1 до продления %2</translation>
    </message>
    <message>
        <source>notice %1 before %2: not known to the day</source>
        <translation>уведомление за %1 до %2: дата известна не до дня</translation>
    </message>
    <message>
        <source>%1st</source>
        <translation>%1-е</translation>
    </message>
    <message>
        <source>%1nd</source>
        <translation>%1-е</translation>
    </message>
    <message>
        <source>%1rd</source>
        <translation>%1-е</translation>
    </message>
    <message>
        <source>%1th</source>
        <translation>%1-е</translation>
    </message>
    <message>
        <source>entry into force is recorded as %1; the rule gives %2</source>
        <translation>записанная дата вступления в силу — %1; по правилу выходит %2</translation>
    </message>
    <message>
        <source>expiry is recorded as %1; the terms give %2 (%3)</source>
        <translation>записанная дата истечения срока — %1; по условиям выходит %2 (%3)</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select an agreement to see its details: dates, parties and what each has done, fields, terms and deadlines, summary, source and history.</source>
        <translation>Выберите соглашение, чтобы увидеть сведения о нём: даты, стороны и действия каждой из них, сферы, условия и сроки, аннотацию, источник и историю изменений.</translation>
    </message>
    <message>
        <source>No change recorded yet: every save, undo and restore will be listed here, newest first, with who made it, when, and the old and new value of each field.</source>
        <translation>Изменений пока нет: здесь будут перечислены все сохранения, отмены и восстановления, начиная с последних, — кто и когда их сделал, прежнее и новое значение каждого поля.</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Продление</translation>
    </message>
    <message>
        <source>Notice period</source>
        <translation>Срок уведомления</translation>
    </message>
    <message>
        <source>Entry into force</source>
        <translation>Вступление в силу</translation>
    </message>
    <message>
        <source>create</source>
        <translation>создание</translation>
    </message>
    <message>
        <source>update</source>
        <translation>изменение</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>удаление</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>восстановление</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>объединение</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>подписано</translation>
    </message>
    <message>
        <source>deposited</source>
        <translation>сдано на хранение</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>уведомление направлено</translation>
    </message>
    <message>
        <source>made</source>
        <translation>сделано</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>дата не внесена</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Ratified</source>
        <translation>Ратифицировано</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>В силе с</translation>
    </message>
    <message numerus="yes">
        <source>%Ln signatory(ies)</source>
        <translation>
            <numerusform>%Ln подписавшая сторона</numerusform>
            <numerusform>%Ln подписавшие стороны</numerusform>
            <numerusform>%Ln подписавших сторон</numerusform>
        </translation>
    </message>
    <message>
        <source>no signatories</source>
        <translation>подписавших сторон нет</translation>
    </message>
    <message numerus="yes">
        <source>%Ln party(ies)</source>
        <translation>
            <numerusform>%Ln участник</numerusform>
            <numerusform>%Ln участника</numerusform>
            <numerusform>%Ln участников</numerusform>
        </translation>
    </message>
    <message>
        <source>none bound as a party yet</source>
        <translation>участников пока нет</translation>
    </message>
    <message numerus="yes">
        <source>%Ln withdrawn</source>
        <translation>
            <numerusform>%Ln вышел из соглашения</numerusform>
            <numerusform>%Ln вышли из соглашения</numerusform>
            <numerusform>%Ln вышли из соглашения</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with no action recorded</source>
        <translation>
            <numerusform>%Ln без внесённых действий</numerusform>
            <numerusform>%Ln без внесённых действий</numerusform>
            <numerusform>%Ln без внесённых действий</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>bilateral</source>
        <translation>двусторонний документ</translation>
    </message>
    <message>
        <source>multilateral</source>
        <translation>многосторонний документ</translation>
    </message>
    <message>
        <source>unilateral</source>
        <translation>односторонний документ</translation>
    </message>
    <message>
        <source>effective %1</source>
        <translation>действует с %1</translation>
    </message>
    <message>
        <source>%1 (the agreement&apos;s signing date)</source>
        <translation>%1 (дата подписания соглашения)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 и %2</translation>
    </message>
    <message numerus="yes">
        <source>Signed at %1 by %Ln signatory(ies)</source>
        <translation>
            <numerusform>Подписано (%1) %Ln стороной</numerusform>
            <numerusform>Подписано (%1) %Ln сторонами</numerusform>
            <numerusform>Подписано (%1) %Ln сторонами</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed by %Ln signatory(ies)</source>
        <translation>
            <numerusform>Подписано %Ln стороной</numerusform>
            <numerusform>Подписано %Ln сторонами</numerusform>
            <numerusform>Подписано %Ln сторонами</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed at %1 by %2</source>
        <translation>Подписано (%1): %2</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Подписали: %1</translation>
    </message>
    <message>
        <source>Signed at %1</source>
        <translation>Подписано (%1)</translation>
    </message>
    <message>
        <source>Signed</source>
        <comment>timeline</comment>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Entered into force</source>
        <translation>Вступило в силу</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Истекает</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Прекращено</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message numerus="yes">
        <source>Show all %Ln parties</source>
        <translation>
            <numerusform>Показать всех участников: %Ln</numerusform>
            <numerusform>Показать всех участников: %Ln</numerusform>
            <numerusform>Показать всех участников: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>* the agreement&apos;s signing date: no signature of its own is recorded.</source>
        <translation>* дата подписания соглашения: собственная подпись стороны не внесена.</translation>
    </message>
    <message>
        <source>signed by %1</source>
        <translation>подписант: %1</translation>
    </message>
    <message>
        <source>Also known as %1</source>
        <translation>Другие названия: %1</translation>
    </message>
    <message>
        <source>Related agreements</source>
        <translation>Связанные соглашения</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>аннотация</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>примечания</translation>
    </message>
    <message>
        <source>Not recorded: %1.</source>
        <translation>Не внесено: %1.</translation>
    </message>
    <message>
        <source>the recorded dates and actions suggest: %1</source>
        <translation>по внесённым датам и действиям статус: %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>место: %1</translation>
    </message>
    <message>
        <source>binding</source>
        <translation>юридически обязывающий</translation>
    </message>
    <message>
        <source>non-binding</source>
        <translation>юридически не обязывающий</translation>
    </message>
    <message>
        <source>binding</source>
        <comment>not recorded</comment>
        <translation>обязательность</translation>
    </message>
    <message>
        <source>date and place signed</source>
        <translation>дата и место подписания</translation>
    </message>
    <message>
        <source>entry into force</source>
        <translation>вступление в силу</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>сферы</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>Обязательность</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Основания</translation>
    </message>
    <message>
        <source>Depositary</source>
        <translation>Депозитарий</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>UN registration</source>
        <translation>Регистрация в ООН</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Сферы</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1, пользователь %2</translation>
    </message>
    <message>
        <source>Record %1, version %2. Created %3; last changed %4.</source>
        <translation>Запись %1, версия %2. Создана %3; последнее изменение %4.</translation>
    </message>
    <message>
        <source>Terms and deadlines</source>
        <translation>Условия и сроки</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>Agreement details</source>
        <translation>Сведения о соглашении</translation>
    </message>
    <message>
        <source>This agreement has been deleted.</source>
        <translation>Это соглашение удалено.</translation>
    </message>
</context>
<context>
    <name>DraftTable</name>
    <message>
        <source>Keep</source>
        <translation>Сохр.</translation>
    </message>
    <message>
        <source>Recorded?</source>
        <translation>Уже внесено?</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Дата подписания</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Место подписания</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Сферы</translation>
    </message>
    <message>
        <source>The recorded agreement a draft looks like: same date and parties, a title near in wording. Such a draft is not ticked; select it to read which.</source>
        <translation>Внесённое соглашение, на которое похож проект: та же дата и те же стороны, близкое по формулировке название. Такой проект не отмечен; выберите его, чтобы узнать, на какое соглашение он похож.</translation>
    </message>
    <message>
        <source>like %1</source>
        <translation>как %1</translation>
    </message>
</context>
<context>
    <name>DueFilter</name>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>Срок в ближайший %n день</numerusform>
            <numerusform>Срок в ближайшие %n дня</numerusform>
            <numerusform>Срок в ближайшие %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Agreements with a deadline coming (the Due panel lists them: View › Due)</source>
        <translation>Соглашения с приближающимся сроком (их список — на панели «Сроки»: Вид › Сроки)</translation>
    </message>
</context>
<context>
    <name>DueNotice</name>
    <message>
        <source>Deadlines coming due</source>
        <translation>Приближающиеся сроки</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message numerus="yes">
        <source>within %Ln day(s)</source>
        <translation>
            <numerusform>в ближайший %Ln день</numerusform>
            <numerusform>в ближайшие %Ln дня</numerusform>
            <numerusform>в ближайшие %Ln дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s) with deadlines %1</source>
        <translation>
            <numerusform>сроки %1 у %Ln соглашения</numerusform>
            <numerusform>сроки %1 у %Ln соглашений</numerusform>
            <numerusform>сроки %1 у %Ln соглашений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>просрочено: %Ln</numerusform>
            <numerusform>просрочено: %Ln</numerusform>
            <numerusform>просрочено: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>show the Due panel</source>
        <translation>открыть панель «Сроки»</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Соглашение</translation>
    </message>
    <message>
        <source>Expiries, renewals, notice periods and entries into force appear here by date. They come from an agreement&apos;s recorded dates and from the terms on its editor&apos;s Terms tab (a duration, renewal, notice period or entry-into-force rule).</source>
        <translation>Здесь по датам появляются истечения сроков действия, продления, сроки уведомления и вступления в силу. Они берутся из внесённых дат соглашения и из условий на вкладке «Условия» его редактора (срок действия, продление, срок уведомления или порядок вступления в силу).</translation>
    </message>
    <message>
        <source>Due within</source>
        <translation>Сроки в пределах</translation>
    </message>
    <message numerus="yes">
        <source>Next %n day(s)</source>
        <translation>
            <numerusform>Ближайший %n день</numerusform>
            <numerusform>Ближайшие %n дня</numerusform>
            <numerusform>Ближайшие %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue too</source>
        <translation>И просроченные</translation>
    </message>
    <message>
        <source>Expiries and entries into force that have passed without being recorded</source>
        <translation>Истечения срока действия и вступления в силу, даты которых прошли, а сами события не внесены</translation>
    </message>
    <message>
        <source>Warn at start about deadlines within</source>
        <translation>Напоминать при запуске за</translation>
    </message>
    <message>
        <source>Warning period in days</source>
        <translation>Срок предупреждения в днях</translation>
    </message>
    <message>
        <source> days</source>
        <comment>a spin box&apos;s suffix: 30 days</comment>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Reading the deadlines…</source>
        <translation>Чтение сроков…</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (просрочено)</translation>
    </message>
    <message>
        <source>The deadlines could not be read: %1</source>
        <translation>Не удалось прочитать сроки: %1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing falls due in the next %Ln day(s).</source>
        <translation>
            <numerusform>В ближайший %Ln день сроков нет.</numerusform>
            <numerusform>В ближайшие %Ln дня сроков нет.</numerusform>
            <numerusform>В ближайшие %Ln дней сроков нет.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deadline(s) as of %1 (the first ones: there are more).</source>
        <translation>
            <numerusform>%Ln срок на %1 (показаны первые: есть и другие).</numerusform>
            <numerusform>%Ln срока на %1 (показаны первые: есть и другие).</numerusform>
            <numerusform>%Ln сроков на %1 (показаны первые: есть и другие).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deadline(s) as of %1.</source>
        <translation>
            <numerusform>%Ln срок на %1.</numerusform>
            <numerusform>%Ln срока на %1.</numerusform>
            <numerusform>%Ln сроков на %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>Открыть записанное</translation>
    </message>
    <message numerus="yes">
        <source>This looks like %n agreement(s) already recorded, with the same signing date and parties and a title near in wording:</source>
        <translation>
            <numerusform>Похоже, уже записано %n такое соглашение: с той же датой подписания, теми же сторонами и близким по формулировке названием:</numerusform>
            <numerusform>Похоже, уже записаны %n таких соглашения: с той же датой подписания, теми же сторонами и близким по формулировке названием:</numerusform>
            <numerusform>Похоже, уже записано %n таких соглашений: с той же датой подписания, теми же сторонами и близким по формулировке названием:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records it as a new agreement. %2 closes this one without saving and opens agreement %3.</source>
        <translation>«%1» запишет его как новое соглашение. «%2» закроет это без сохранения и откроет соглашение %3.</translation>
    </message>
</context>
<context>
    <name>ExceptionHook</name>
    <message>
        <source>The details are in the log, %1: please send it with a bug report.</source>
        <translation>Подробности — в журнале %1: пожалуйста, приложите его к сообщению об ошибке.</translation>
    </message>
    <message>
        <source>Run treaty-tracker --debug from a terminal to see the details.</source>
        <translation>Чтобы увидеть подробности, запустите treaty-tracker --debug из терминала.</translation>
    </message>
    <message>
        <source>Something went wrong: %1.

What you saved before is safe; the last action may not have finished.

%2</source>
        <translation>Что-то пошло не так: %1.

Всё сохранённое ранее цело; последнее действие могло не завершиться.

%2</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>Экспорт в PDF</translation>
    </message>
    <message>
        <source>Nobody is named unless you type a name</source>
        <translation>Никто не указывается, пока вы не введёте имя</translation>
    </message>
    <message>
        <source>Print the database&apos;s location and my user name</source>
        <translation>Указать расположение базы данных и моё имя пользователя</translation>
    </message>
    <message>
        <source>Only the register (one line per agreement)</source>
        <translation>Только реестр (по строке на соглашение)</translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s)</source>
        <translation>
            <numerusform>%Ln соглашение</numerusform>
            <numerusform>%Ln соглашения</numerusform>
            <numerusform>%Ln соглашений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln page(s)</source>
        <translation>
            <numerusform>около %Ln страницы</numerusform>
            <numerusform>около %Ln страниц</numerusform>
            <numerusform>около %Ln страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <source>&amp;Prepared by</source>
        <translation>&amp;Подготовил</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>FieldPicker</name>
    <message>
        <source>Fields</source>
        <translation>Сферы</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>Новая сфера</translation>
    </message>
    <message>
        <source>New field; &apos;Transport &gt; Rail&apos; nests Rail in Transport</source>
        <translation>Новая сфера; «Транспорт &gt; Железные дороги» вкладывает вторую в первую</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Добавить сферу</translation>
    </message>
    <message>
        <source>Tick every field the agreement covers:</source>
        <translation>Отметьте все сферы, которых касается соглашение:</translation>
    </message>
    <message>
        <source>Field %1: %2</source>
        <translation>Сфера %1: %2</translation>
    </message>
    <message>
        <source>New field: recorded when the agreement is saved</source>
        <translation>Новая сфера: будет внесена при сохранении соглашения</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>field %1</source>
        <translation>сфера %1</translation>
    </message>
    <message>
        <source>party %1</source>
        <translation>сторона %1</translation>
    </message>
    <message>
        <source>signed %1 – %2</source>
        <translation>подписано %1 – %2</translation>
    </message>
    <message>
        <source>signed from %1</source>
        <translation>подписано с %1</translation>
    </message>
    <message>
        <source>signed up to %1</source>
        <translation>подписано по %1</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Search agreements</source>
        <translation>Поиск соглашений</translation>
    </message>
    <message>
        <source>Search titles, summaries, places, parties…</source>
        <translation>Поиск по названиям, аннотациям, местам, сторонам…</translation>
    </message>
    <message>
        <source>Filters as you type (Ctrl+F). Accents and case don&apos;t matter.</source>
        <translation>Отбор по мере ввода (Ctrl+F). Регистр и диакритические знаки не важны.</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Сохранённые виды</translation>
    </message>
    <message>
        <source>Save current filter as view…</source>
        <translation>Сохранить фильтр как вид…</translation>
    </message>
    <message>
        <source>Save current filter as a view</source>
        <translation>Сохранить текущий фильтр как вид</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Сферы</translation>
    </message>
    <message>
        <source>Find a party in the list</source>
        <translation>Найти сторону в списке</translation>
    </message>
    <message>
        <source>Find a party…</source>
        <translation>Найти сторону…</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>Any of the ticked parties (not all)</source>
        <translation>Любая из отмеченных сторон (не все)</translation>
    </message>
    <message>
        <source>Match any of the ticked parties</source>
        <translation>Соглашения любой из отмеченных сторон</translation>
    </message>
    <message>
        <source>Off: agreements between all ticked parties. On: agreements of any of them.</source>
        <translation>Выключено: соглашения между всеми отмеченными сторонами. Включено: соглашения любой из них.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Signed between</source>
        <translation>Подписано в период</translation>
    </message>
    <message>
        <source>Signed from</source>
        <translation>Подписано с</translation>
    </message>
    <message>
        <source>Signed up to</source>
        <translation>Подписано по</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>С / по</translation>
    </message>
    <message>
        <source>YYYY[-MM[-DD]]</source>
        <translation>ГГГГ[-ММ[-ДД]]</translation>
    </message>
    <message>
        <source>A year, a year and month, or a day: 2021, 2021-12, 2021-12-06</source>
        <translation>Год, год и месяц или день: 2021, 2021-12, 2021-12-06</translation>
    </message>
    <message>
        <source>Rename view…</source>
        <translation>Переименовать вид…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Удалить вид</translation>
    </message>
    <message>
        <source>Rename party…</source>
        <translation>Переименовать сторону…</translation>
    </message>
    <message>
        <source>Merge into another party…</source>
        <translation>Объединить с другой стороной…</translation>
    </message>
    <message>
        <source>Delete party (if unused)</source>
        <translation>Удалить сторону (если не используется)</translation>
    </message>
    <message>
        <source>Rename field…</source>
        <translation>Переименовать сферу…</translation>
    </message>
    <message>
        <source>Merge into another field…</source>
        <translation>Объединить с другой сферой…</translation>
    </message>
    <message>
        <source>Delete field (if unused)</source>
        <translation>Удалить сферу (если не используется)</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Edit the selected agreement</source>
        <translation>Изменить выбранное соглашение</translation>
    </message>
    <message>
        <source>Move from the search box to the first result</source>
        <translation>Перейти из поля поиска к первому результату</translation>
    </message>
    <message>
        <source>Down or Enter</source>
        <translation>Вниз или Enter</translation>
    </message>
    <message>
        <source>Move between the filters, the table and the details</source>
        <translation>Переходить между фильтрами, таблицей и сведениями</translation>
    </message>
    <message>
        <source>In the editor: save</source>
        <translation>В редакторе: сохранить</translation>
    </message>
    <message>
        <source>In the editor: add the party or field typed</source>
        <translation>В редакторе: добавить введённую сторону или сферу</translation>
    </message>
    <message>
        <source>Close a dialog (asks first if something changed)</source>
        <translation>Закрыть диалог (если что-то изменено, сначала спросит)</translation>
    </message>
    <message>
        <source>Treaty Tracker is free software under the MIT licence (the LICENSE file). Built with Qt for Python (PySide6, LGPL v3), SQLAlchemy and Alembic (MIT), ReportLab (BSD), pycountry (LGPL v2.1), python-bidi (LGPL v3) and arabic-reshaper (MIT). PDFs embed DejaVu Sans (Bitstream Vera licence; DejaVu changes in the public domain).</source>
        <translation>Treaty Tracker — свободная программа под лицензией MIT (файл LICENSE). Создана с помощью Qt for Python (PySide6, LGPL v3), SQLAlchemy и Alembic (MIT), ReportLab (BSD), pycountry (LGPL v2.1), python-bidi (LGPL v3) и arabic-reshaper (MIT). В PDF встраивается шрифт DejaVu Sans (лицензия Bitstream Vera; изменения DejaVu — общественное достояние).</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About Treaty Tracker</source>
        <translation>&amp;О программе Treaty Tracker</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message numerus="yes">
        <source>deletion of %Ln agreement(s)</source>
        <translation>
            <numerusform>удаление %Ln соглашения</numerusform>
            <numerusform>удаление %Ln соглашений</numerusform>
            <numerusform>удаление %Ln соглашений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>restore of %Ln agreement(s)</source>
        <translation>
            <numerusform>восстановление %Ln соглашения</numerusform>
            <numerusform>восстановление %Ln соглашений</numerusform>
            <numerusform>восстановление %Ln соглашений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bulk edit of %Ln agreement(s)</source>
        <translation>
            <numerusform>групповая правка %Ln соглашения</numerusform>
            <numerusform>групповая правка %Ln соглашений</numerusform>
            <numerusform>групповая правка %Ln соглашений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) from an article</source>
        <translation>
            <numerusform>%Ln проект из статьи</numerusform>
            <numerusform>%Ln проекта из статьи</numerusform>
            <numerusform>%Ln проектов из статьи</numerusform>
        </translation>
    </message>
    <message>
        <source>creation of %1</source>
        <translation>создание %1</translation>
    </message>
    <message>
        <source>edit of %1</source>
        <translation>правка %1</translation>
    </message>
    <message>
        <source>deletion of %1</source>
        <translation>удаление %1</translation>
    </message>
    <message>
        <source>restore of %1</source>
        <translation>восстановление %1</translation>
    </message>
    <message>
        <source>merge of %1 into %2</source>
        <translation>объединение %1 с %2</translation>
    </message>
    <message>
        <source>loading of the sample agreements</source>
        <translation>загрузка примеров соглашений</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>импорт %1</translation>
    </message>
    <message>
        <source>attach %1 to %2</source>
        <translation>прикрепление %1 к %2</translation>
    </message>
    <message>
        <source>new version %1 of %2 on %3</source>
        <translation>новая версия %1 вложения %2 к %3</translation>
    </message>
    <message>
        <source>removal of %1 from %2</source>
        <translation>удаление %1 из %2</translation>
    </message>
    <message>
        <source>restore of %1 to %2</source>
        <translation>восстановление %1 в %2</translation>
    </message>
    <message>
        <source>rename of party %1</source>
        <translation>переименование стороны %1</translation>
    </message>
    <message>
        <source>merge of party %1 into %2</source>
        <translation>объединение стороны %1 с %2</translation>
    </message>
    <message>
        <source>deletion of party %1</source>
        <translation>удаление стороны %1</translation>
    </message>
    <message>
        <source>rename of field %1</source>
        <translation>переименование сферы %1</translation>
    </message>
    <message>
        <source>merge of field %1 into %2</source>
        <translation>объединение сферы %1 с %2</translation>
    </message>
    <message>
        <source>deletion of field %1</source>
        <translation>удаление сферы %1</translation>
    </message>
    <message>
        <source>saving of view %1</source>
        <translation>сохранение вида %1</translation>
    </message>
    <message>
        <source>rename of view %1</source>
        <translation>переименование вида %1</translation>
    </message>
    <message>
        <source>deletion of view %1</source>
        <translation>удаление вида %1</translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>Отм&amp;енить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Пов&amp;торить</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Корзина…</translation>
    </message>
    <message>
        <source>Deleted agreements: restore them</source>
        <translation>Удалённые соглашения: восстановить их</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>Отм&amp;енить: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation>Отменить (%1)</translation>
    </message>
    <message>
        <source>Undo %1 (%2)</source>
        <translation>Отменить: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>Пов&amp;торить: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation>Повторить (%1)</translation>
    </message>
    <message>
        <source>Redo %1 (%2)</source>
        <translation>Повторить: %1 (%2)</translation>
    </message>
    <message>
        <source>the database refused it (%1)</source>
        <translation>база данных отклонила это (%1)</translation>
    </message>
    <message>
        <source>Undid %1.</source>
        <translation>Отменено: %1.</translation>
    </message>
    <message>
        <source>Redid %1.</source>
        <translation>Повторено: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln agreement(s) to the trash. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%Ln соглашение перемещено в корзину. Ctrl+Z вернёт его.</numerusform>
            <numerusform>%Ln соглашения перемещены в корзину. Ctrl+Z вернёт их.</numerusform>
            <numerusform>%Ln соглашений перемещено в корзину. Ctrl+Z вернёт их.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete agreements</source>
        <translation>Удаление соглашений</translation>
    </message>
    <message>
        <source>Nothing was deleted: </source>
        <translation>Ничего не удалено: </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln agreement(s).</source>
        <translation>
            <numerusform>Восстановлено %Ln соглашение.</numerusform>
            <numerusform>Восстановлено %Ln соглашения.</numerusform>
            <numerusform>Восстановлено %Ln соглашений.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>%1 is not UTF-8 text (save it as %2)</source>
        <translation>%1 — не текст в UTF-8 (сохраните его как %2)</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>файл %1 пуст</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 — папка, а не файл</translation>
    </message>
    <message>
        <source>can&apos;t read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; would be a new party (did you mean &apos;%2&apos;?)</source>
        <translation>«%1» стала бы новой стороной (может быть, «%2»?)</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more problem(s), not listed</source>
        <translation>
            <numerusform>и ещё %Ln ошибка, не показанная здесь</numerusform>
            <numerusform>и ещё %Ln ошибки, не показанные здесь</numerusform>
            <numerusform>и ещё %Ln ошибок, не показанных здесь</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed while it was imported (import it again)</source>
        <translation>%1 изменился во время импорта (импортируйте его заново)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; are one party</source>
        <translation>«%1» и «%2» — одна и та же сторона</translation>
    </message>
    <message>
        <source>%1 (with what agreement %2 keeps from before)</source>
        <translation>%1 (вместе с тем, что остаётся в соглашении %2 от прежней записи)</translation>
    </message>
    <message>
        <source>(one of: %1)</source>
        <translation>(одно из: %1)</translation>
    </message>
    <message>
        <source>line %1, %2: %3</source>
        <translation>строка %1, %2: %3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>строка %1: %2</translation>
    </message>
    <message>
        <source>index %1, %2: %3</source>
        <translation>элемент %1, %2: %3</translation>
    </message>
    <message>
        <source>index %1: %2</source>
        <translation>элемент %1: %2</translation>
    </message>
    <message>
        <source>%1 is %2, not a file to import</source>
        <translation>%1 — %2, а не файл для импорта</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>не обычный файл</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>устройство</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>канал (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>сокет</translation>
    </message>
    <message>
        <source>%1 is UTF-16 text, not UTF-8 (save it as %2)</source>
        <translation>%1 — текст в UTF-16, а не в UTF-8 (сохраните его как %2)</translation>
    </message>
    <message>
        <source>%1 is a binary file, not %2 text (a spreadsheet? save it as %3)</source>
        <translation>%1 — двоичный файл, а не текст %2 (электронная таблица? сохраните её как %3)</translation>
    </message>
    <message>
        <source>title is empty</source>
        <translation>пустое название</translation>
    </message>
    <message>
        <source>empty %1</source>
        <translation>пустое значение %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s), but the header names %1 columns (is a cell holding the separator not in quotes?)</source>
        <translation>
            <numerusform>%Ln ячейка, а в заголовке столбцов: %1 (ячейка с разделителем не взята в кавычки?)</numerusform>
            <numerusform>%Ln ячейки, а в заголовке столбцов: %1 (ячейка с разделителем не взята в кавычки?)</numerusform>
            <numerusform>%Ln ячеек, а в заголовке столбцов: %1 (ячейка с разделителем не взята в кавычки?)</numerusform>
        </translation>
    </message>
    <message>
        <source>a quoted cell that starts here is never closed (a missing &quot;)</source>
        <translation>ячейка в кавычках, начатая здесь, так и не закрыта (не хватает &quot;)</translation>
    </message>
    <message>
        <source>a cell longer than %1 characters, the most one cell may hold (or a quoted cell that is never closed: a missing &quot;)</source>
        <translation>ячейка длиннее %1 знаков — больше, чем вмещает одна ячейка (или ячейка в кавычках так и не закрыта: не хватает &quot;)</translation>
    </message>
    <message>
        <source>badly quoted cell: %1</source>
        <translation>ошибка в кавычках: %1</translation>
    </message>
    <message>
        <source>this is not a header: the first line must name the columns (%1)</source>
        <translation>это не заголовок: в первой строке должны быть названия столбцов (%1)</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 и ещё %2</translation>
    </message>
    <message numerus="yes">
        <source>unknown column(s) %1 (the columns are %2, level, %3)</source>
        <translation>
            <numerusform>неизвестный столбец %1 (столбцы: %2, level, %3)</numerusform>
            <numerusform>неизвестные столбцы %1 (столбцы: %2, level, %3)</numerusform>
            <numerusform>неизвестные столбцы %1 (столбцы: %2, level, %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>column &apos;%1&apos; appears %Ln time(s)</source>
        <translation>
            <numerusform>столбец «%1» встречается %Ln раз</numerusform>
            <numerusform>столбец «%1» встречается %Ln раза</numerusform>
            <numerusform>столбец «%1» встречается %Ln раз</numerusform>
        </translation>
    </message>
    <message>
        <source>no %1 column (every file needs %2)</source>
        <translation>нет столбца %1 (в каждом файле нужны: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>«%1» (может быть, «%2»?)</translation>
    </message>
    <message>
        <source>%1 must hold a list of agreements ([{&quot;title&quot;: …}, …])</source>
        <translation>%1 должен содержать список соглашений ([{&quot;title&quot;: …}, …])</translation>
    </message>
    <message>
        <source>%1 is a JSON object larger than %2 MB: write a larger file as a list of agreements ([{&quot;title&quot;: …}, …], as export does)</source>
        <translation>%1 — объект JSON больше %2 МБ: файл побольше записывайте списком соглашений ([{&quot;title&quot;: …}, …], как это делает экспорт)</translation>
    </message>
    <message>
        <source>%1 nests lists or objects too deeply to be agreements</source>
        <translation>в %1 списки или объекты вложены слишком глубоко для соглашений</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2 at column %3)</source>
        <translation>%1 — не правильный JSON (%2 в столбце %3)</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>ожидается значение</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>ожидается запятая «,»</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>ожидается двоеточие «:»</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>ожидается имя ключа в двойных кавычках</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>лишние данные</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>незакрытая строка, начинающаяся</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>недопустимый управляющий символ</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>недопустимая escape-последовательность \</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>недопустимая последовательность \uXXXX</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>объект</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>список</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>unknown key (did you mean &apos;%1&apos;?)</source>
        <translation>неизвестный ключ (может быть, «%1»?)</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>неизвестный ключ</translation>
    </message>
    <message>
        <source>must be text, not %1</source>
        <translation>должен быть текстом, а не: %1</translation>
    </message>
    <message>
        <source>must be a list of text, not %1</source>
        <translation>должен быть списком строк, а не: %1</translation>
    </message>
    <message>
        <source>must be a list, not %1</source>
        <translation>должен быть списком, а не: %1</translation>
    </message>
    <message>
        <source>must be an object with the agreement&apos;s keys, not %1</source>
        <translation>должен быть объектом с ключами соглашения, а не: %1</translation>
    </message>
    <message>
        <source>must be true, false or null, not %1</source>
        <translation>должен быть true, false или null, а не: %1</translation>
    </message>
    <message>
        <source>must be a name or an object, not %1</source>
        <translation>должен быть названием или объектом, а не: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 3166 code or an organisation&apos;s (org:EU)</source>
        <translation>«%1» — не код ISO 3166 и не код организации (org:EU)</translation>
    </message>
    <message>
        <source>must be a number or text, not %1</source>
        <translation>должен быть числом или текстом, а не: %1</translation>
    </message>
    <message>
        <source>names no agreement: give the id of an object in this file, or a title</source>
        <translation>не указывает соглашение: дайте id объекта из этого файла или название</translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>не указано %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>должен быть объектом, а не: %1</translation>
    </message>
    <message>
        <source>relates the agreement to itself</source>
        <translation>связывает соглашение с самим собой</translation>
    </message>
    <message>
        <source>the same relation as relations[%1]</source>
        <translation>та же связь, что и relations[%1]</translation>
    </message>
    <message>
        <source>id %1 is the id of two agreements in the file (index %2 and index %3)</source>
        <translation>id %1 — id двух соглашений в файле (индексы %2 и %3)</translation>
    </message>
    <message>
        <source>no agreement %1 in the file or the database</source>
        <translation>соглашения %1 нет ни в файле, ни в базе</translation>
    </message>
    <message>
        <source>with id %1</source>
        <translation>с id %1</translation>
    </message>
    <message>
        <source>titled &apos;%1&apos; signed %2</source>
        <translation>под названием «%1», подписанного %2</translation>
    </message>
    <message>
        <source>titled &apos;%1&apos; with no signing date</source>
        <translation>под названием «%1» без даты подписания</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 или %2</translation>
    </message>
    <message>
        <source>%1 (the attachments of &apos;%2&apos;)</source>
        <translation>%1 (вложения соглашения «%2»)</translation>
    </message>
    <message>
        <source>must name its file</source>
        <translation>должна называть свой файл</translation>
    </message>
    <message>
        <source>the file %1 is missing</source>
        <translation>файла %1 нет</translation>
    </message>
    <message>
        <source>the file %1 can&apos;t be read: %2</source>
        <translation>файл %1 не читается: %2</translation>
    </message>
    <message>
        <source>the file %1 is not the one exported (its checksum differs)</source>
        <translation>файл %1 — не тот, что был экспортирован (контрольная сумма другая)</translation>
    </message>
    <message>
        <source>must be an object with versions</source>
        <translation>должно быть объектом с версиями (versions)</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>должно быть списком</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 и ещё %Ln</numerusform>
            <numerusform>%1 и ещё %Ln</numerusform>
            <numerusform>%1 и ещё %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; holds %Ln agreement(s).</source>
        <translation>
            <numerusform>В файле &lt;b&gt;%1&lt;/b&gt; %Ln соглашение.</numerusform>
            <numerusform>В файле &lt;b&gt;%1&lt;/b&gt; %Ln соглашения.</numerusform>
            <numerusform>В файле &lt;b&gt;%1&lt;/b&gt; %Ln соглашений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln&lt;/b&gt; is new and will be added.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; новое, будет добавлено.</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; новых, будут добавлены.</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; новых, будут добавлены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln is already recorded (same title and signing date): will be updated from the file.</source>
        <translation>
            <numerusform>%Ln уже внесено (то же название и дата подписания): будет обновлено из файла.</numerusform>
            <numerusform>%Ln уже внесены (то же название и дата подписания): будут обновлены из файла.</numerusform>
            <numerusform>%Ln уже внесены (то же название и дата подписания): будут обновлены из файла.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln is already recorded (same title and signing date): will be skipped, unless you choose to update them.</source>
        <translation>
            <numerusform>%Ln уже внесено (то же название и дата подписания): будет пропущено, если вы не выберете обновление.</numerusform>
            <numerusform>%Ln уже внесены (то же название и дата подписания): будут пропущены, если вы не выберете обновление.</numerusform>
            <numerusform>%Ln уже внесены (то же название и дата подписания): будут пропущены, если вы не выберете обновление.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeats an earlier row of the file and will be skipped.</source>
        <translation>
            <numerusform>%Ln строка повторяет одну из предыдущих строк файла и будет пропущена.</numerusform>
            <numerusform>%Ln строки повторяют предыдущие строки файла и будут пропущены.</numerusform>
            <numerusform>%Ln строк повторяют предыдущие строки файла и будут пропущены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new party(ies): %1.</source>
        <translation>
            <numerusform>%Ln новая сторона: %1.</numerusform>
            <numerusform>%Ln новые стороны: %1.</numerusform>
            <numerusform>%Ln новых сторон: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (did you mean %2?)</source>
        <translation>%1 (может быть, %2?)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln new party(ies) may be misspelt:&lt;/b&gt; %1.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln новая сторона, возможно, написана с ошибкой:&lt;/b&gt; %1.</numerusform>
            <numerusform>&lt;b&gt;%Ln новые стороны, возможно, написаны с ошибкой:&lt;/b&gt; %1.</numerusform>
            <numerusform>&lt;b&gt;%Ln новых сторон, возможно, написаны с ошибкой:&lt;/b&gt; %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new field(s): %1.</source>
        <translation>
            <numerusform>%Ln новая сфера: %1.</numerusform>
            <numerusform>%Ln новые сферы: %1.</numerusform>
            <numerusform>%Ln новых сфер: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>и ещё %Ln</numerusform>
            <numerusform>и ещё %Ln</numerusform>
            <numerusform>и ещё %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln looks like an agreement already recorded (same signing date and parties, a title near in wording) and will be added anyway:</source>
        <translation>
            <numerusform>%Ln похоже на уже внесённое соглашение (та же дата подписания и стороны, близкое по формулировке название) и всё же будет добавлено:</numerusform>
            <numerusform>%Ln похожи на уже внесённые соглашения (та же дата подписания и стороны, близкое по формулировке название) и всё же будут добавлены:</numerusform>
            <numerusform>%Ln похожи на уже внесённые соглашения (та же дата подписания и стороны, близкое по формулировке название) и всё же будут добавлены:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln looks like an agreement already recorded (same signing date and parties, a title near in wording) and will be skipped, unless you choose to keep them:</source>
        <translation>
            <numerusform>%Ln похоже на уже внесённое соглашение (та же дата подписания и стороны, близкое по формулировке название) и будет пропущено, если вы не решите его оставить:</numerusform>
            <numerusform>%Ln похожи на уже внесённые соглашения (та же дата подписания и стороны, близкое по формулировке название) и будут пропущены, если вы не решите их оставить:</numerusform>
            <numerusform>%Ln похожи на уже внесённые соглашения (та же дата подписания и стороны, близкое по формулировке название) и будут пропущены, если вы не решите их оставить:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import agreements</source>
        <translation>Импорт соглашений</translation>
    </message>
    <message>
        <source>Update the agreements that are already recorded</source>
        <translation>Обновить уже внесённые соглашения</translation>
    </message>
    <message>
        <source>Add the possible duplicates too</source>
        <translation>Добавить и возможные дубликаты</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>%1 is a new party, not a misspelling: record it as written</source>
        <translation>%1 — новая сторона, а не опечатка: внести как написано</translation>
    </message>
    <message>
        <source>They are new parties, not misspellings: record them as written</source>
        <translation>Это новые стороны, а не опечатки: внести как написано</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>The language changes when Treaty Tracker is started again.</source>
        <translation>Язык сменится при следующем запуске Treaty Tracker.</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>party name</source>
        <translation>название стороны</translation>
    </message>
    <message>
        <source>field path</source>
        <translation>путь сферы</translation>
    </message>
    <message>
        <source>a field&apos;s name</source>
        <translation>название сферы</translation>
    </message>
    <message>
        <source>a view&apos;s name</source>
        <translation>название вида</translation>
    </message>
    <message numerus="yes">
        <source>%1 is too long: %n characters, %2 once folded for search (the limit is %3)</source>
        <translation>
            <numerusform>%1: слишком длинно — %n знак, %2 после приведения для поиска (предел — %3)</numerusform>
            <numerusform>%1: слишком длинно — %n знака, %2 после приведения для поиска (предел — %3)</numerusform>
            <numerusform>%1: слишком длинно — %n знаков, %2 после приведения для поиска (предел — %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>too long: %n characters, %1 once folded for search (the limit is %2)</source>
        <translation>
            <numerusform>слишком длинно: %n знак, %1 после приведения для поиска (предел — %2)</numerusform>
            <numerusform>слишком длинно: %n знака, %1 после приведения для поиска (предел — %2)</numerusform>
            <numerusform>слишком длинно: %n знаков, %1 после приведения для поиска (предел — %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is too long: %n characters (the limit is %2)</source>
        <translation>
            <numerusform>%1: слишком длинно — %n знак (предел — %2)</numerusform>
            <numerusform>%1: слишком длинно — %n знака (предел — %2)</numerusform>
            <numerusform>%1: слишком длинно — %n знаков (предел — %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>too long: %n characters (the limit is %1)</source>
        <translation>
            <numerusform>слишком длинно: %n знак (предел — %1)</numerusform>
            <numerusform>слишком длинно: %n знака (предел — %1)</numerusform>
            <numerusform>слишком длинно: %n знаков (предел — %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>field name %1</source>
        <translation>название сферы %1</translation>
    </message>
    <message>
        <source>%1 holds a lone surrogate (half of a UTF-16 pair), which is not text: remove it</source>
        <translation>%1 содержит одиночный суррогат (половину пары UTF-16) — это не текст: удалите его</translation>
    </message>
</context>
<context>
    <name>LocaleText</name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln байт</numerusform>
            <numerusform>%Ln байта</numerusform>
            <numerusform>%Ln байт</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>this computer</source>
        <translation>этом компьютере</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <source>&amp;New agreement…</source>
        <translation>&amp;Новое соглашение…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Изменить (Enter)</translation>
    </message>
    <message>
        <source>&amp;Duplicate…</source>
        <translation>Создать &amp;копию…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Объединить…</translation>
    </message>
    <message>
        <source>Merge the two selected agreements into one, choosing each fact</source>
        <translation>Объединить два выбранных соглашения в одно, выбирая каждое сведение</translation>
    </message>
    <message>
        <source>New from &amp;article…</source>
        <translation>Создать по &amp;статье…</translation>
    </message>
    <message>
        <source>Draft the agreements a press release reports, review them, save the kept ones</source>
        <translation>Составить проекты соглашений, о которых сообщает пресс-релиз, проверить их и сохранить отобранные</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Import agreements from a CSV or JSON file</source>
        <translation>Импортировать соглашения из файла CSV или JSON</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Export the agreements shown (or the selected ones) to CSV or JSON</source>
        <translation>Экспортировать показанные (или выбранные) соглашения в CSV или JSON</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Экспорт в &amp;PDF…</translation>
    </message>
    <message>
        <source>A PDF summary of the agreements shown (or the selected ones)</source>
        <translation>Сводка в PDF по показанным (или выбранным) соглашениям</translation>
    </message>
    <message>
        <source>P&amp;rint summary…</source>
        <translation>П&amp;ечать сводки…</translation>
    </message>
    <message>
        <source>Print the summary of the agreements shown (or the selected ones)</source>
        <translation>Напечатать сводку по показанным (или выбранным) соглашениям</translation>
    </message>
    <message>
        <source>Export &amp;fact sheet…</source>
        <translation>Экспорт сп&amp;равки…</translation>
    </message>
    <message>
        <source>A PDF fact sheet of the selected agreement</source>
        <translation>Справка в PDF по выбранному соглашению</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <source>&amp;Go to agreement…</source>
        <translation>Пе&amp;рейти к соглашению…</translation>
    </message>
    <message>
        <source>Show the agreement with a given number (also the old number of a merged one)</source>
        <translation>Показать соглашение с заданным номером (или прежним номером объединённого)</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Сбросить фильтры</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Show the latest data, including changes made elsewhere (F5)</source>
        <translation>Показать актуальные данные, включая изменения, сделанные в другом месте (F5)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Новая база данных…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Открыть базу данных…</translation>
    </message>
    <message>
        <source>&amp;Connect to team database…</source>
        <translation>&amp;Подключиться к общей базе данных…</translation>
    </message>
    <message>
        <source>Work on a PostgreSQL database shared by your team</source>
        <translation>Работать с базой данных PostgreSQL, общей для вашей команды</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>&amp;Save filter as view…</source>
        <translation>Сохранить фильтр как &amp;вид…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>Put one of this database&apos;s automatic backups in its place</source>
        <translation>Заменить эту базу данных одной из её автоматических резервных копий</translation>
    </message>
    <message>
        <source>&amp;Bulk edit…</source>
        <translation>&amp;Массовое изменение…</translation>
    </message>
    <message>
        <source>One change to the selected agreements (or all the filter matches), previewed</source>
        <translation>Одно изменение для выбранных соглашений (или всех отобранных фильтром), с предпросмотром</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Сроки</translation>
    </message>
    <message>
        <source>Deadlines coming due in the next 30, 90 or 365 days, and overdue ones</source>
        <translation>Сроки, наступающие в ближайшие 30, 90 или 365 дней, и просроченные</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Соглашения</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message>
        <source>Your user may browse, filter and export this database but not change it.</source>
        <translation>Вашему пользователю можно просматривать, отбирать и экспортировать данные этой базы, но не изменять их.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Не&amp;давние</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>С&amp;толбцы</translation>
    </message>
    <message>
        <source>Treaty Tracker — %1</source>
        <translation>Treaty Tracker — %1</translation>
    </message>
    <message>
        <source>Upgraded; a copy of the old database was kept as %1</source>
        <translation>Обновлено; копия прежней базы данных сохранена как %1</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Новая база данных</translation>
    </message>
    <message>
        <source>Treaty Tracker databases (*.db)</source>
        <translation>Базы данных Treaty Tracker (*.db)</translation>
    </message>
    <message>
        <source>%1 already exists; open it instead.</source>
        <translation>%1 уже существует; откройте её.</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <source>Treaty Tracker databases (*.db);;All files (*)</source>
        <translation>Базы данных Treaty Tracker (*.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Updated with changes saved elsewhere.</source>
        <translation>Показаны изменения, сохранённые в другом месте.</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln agreement(s)…</source>
        <translation>
            <numerusform>Чтение %Ln соглашения…</numerusform>
            <numerusform>Чтение %Ln соглашений…</numerusform>
            <numerusform>Чтение %Ln соглашений…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %Ln agreement(s)</source>
        <translation>
            <numerusform>Показано %1 из %Ln соглашения</numerusform>
            <numerusform>Показано %1 из %Ln соглашений</numerusform>
            <numerusform>Показано %1 из %Ln соглашений</numerusform>
        </translation>
    </message>
    <message>
        <source>Treaty Tracker</source>
        <translation>Treaty Tracker</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Новое соглашение</translation>
    </message>
    <message>
        <source>Read-only: your user may not change agreements in this database.</source>
        <translation>Только чтение: вашему пользователю нельзя изменять соглашения в этой базе данных.</translation>
    </message>
    <message>
        <source>Edit agreement</source>
        <translation>Изменение соглашения</translation>
    </message>
    <message>
        <source>Duplicate agreement</source>
        <translation>Копия соглашения</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate: the copy keeps the parties but not their dated acts (%Ln act(s)); a new agreement&apos;s signatures and ratifications are its own.</source>
        <translation>
            <numerusform>Копия: стороны перенесены без их датированных действий (%Ln действие); подписания и ратификации нового соглашения — его собственные.</numerusform>
            <numerusform>Копия: стороны перенесены без их датированных действий (%Ln действия); подписания и ратификации нового соглашения — его собственные.</numerusform>
            <numerusform>Копия: стороны перенесены без их датированных действий (%Ln действий); подписания и ратификации нового соглашения — его собственные.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge agreements</source>
        <translation>Объединение соглашений</translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln agreement(s).</source>
        <translation>
            <numerusform>Изменено %Ln соглашение.</numerusform>
            <numerusform>Изменено %Ln соглашения.</numerusform>
            <numerusform>Изменено %Ln соглашений.</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup was made today: %1</source>
        <translation>Сегодня резервная копия не создана: %1</translation>
    </message>
    <message>
        <source>Merged agreement %1 into %2.</source>
        <translation>Соглашение %1 объединено с соглашением %2.</translation>
    </message>
    <message>
        <source>Delete agreement</source>
        <translation>Удаление соглашения</translation>
    </message>
    <message>
        <source>Delete agreements</source>
        <translation>Удаление соглашений</translation>
    </message>
    <message>
        <source>Move %1 to the trash? Ctrl+Z or View › Trash brings it back.</source>
        <translation>Переместить %1 в корзину? Вернуть можно сочетанием Ctrl+Z или через Вид › Корзина.</translation>
    </message>
    <message>
        <source>Loading sample agreements…</source>
        <translation>Загрузка образцов соглашений…</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Сохранение вида</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Название вида:</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Переименование вида</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Удаление вида</translation>
    </message>
    <message>
        <source>New name for &apos;%1&apos;:</source>
        <translation>Новое название для «%1»:</translation>
    </message>
    <message>
        <source>Merge &apos;%1&apos; into:</source>
        <translation>Объединить «%1» с:</translation>
    </message>
    <message>
        <source>Rename party</source>
        <translation>Переименование стороны</translation>
    </message>
    <message>
        <source>Merge party</source>
        <translation>Объединение сторон</translation>
    </message>
    <message>
        <source>Delete party</source>
        <translation>Удаление стороны</translation>
    </message>
    <message>
        <source>Rename field</source>
        <translation>Переименование сферы</translation>
    </message>
    <message>
        <source>Merge field</source>
        <translation>Объединение сфер</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Удаление сферы</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Ничего не изменено: %1</translation>
    </message>
    <message>
        <source>Go to agreement</source>
        <translation>Переход к соглашению</translation>
    </message>
    <message>
        <source>Agreement number:</source>
        <translation>Номер соглашения:</translation>
    </message>
    <message>
        <source>%1: showing agreement %2.</source>
        <translation>%1: показано соглашение %2.</translation>
    </message>
    <message>
        <source>Showing agreement %1.</source>
        <translation>Показано соглашение %1.</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Short title</source>
        <translation>Краткое название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>Обязательность</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Дата подписания</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Место подписания</translation>
    </message>
    <message>
        <source>Entry into force</source>
        <translation>Вступление в силу</translation>
    </message>
    <message>
        <source>Entry-into-force rule</source>
        <translation>Порядок вступления в силу</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Дата истечения срока действия</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Продление</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>Дата прекращения</translation>
    </message>
    <message>
        <source>Termination grounds</source>
        <translation>Основания прекращения</translation>
    </message>
    <message>
        <source>Depositary</source>
        <translation>Депозитарий</translation>
    </message>
    <message>
        <source>UN registration</source>
        <translation>Регистрация в ООН</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation>Адрес источника</translation>
    </message>
    <message>
        <source>Merge agreements %1 and %2</source>
        <translation>Объединение соглашений %1 и %2</translation>
    </message>
    <message>
        <source>Agreement %1 is merged into agreement %2: choose the value to keep where they differ. Parties, fields, milestones and relations of both are kept, and so is the history of both; %1 will open %2 from then on.</source>
        <translation>Соглашение %1 объединяется с соглашением %2: там, где значения различаются, выберите, какое сохранить. Стороны, сферы, этапы и связи обоих сохраняются, как и история каждого; в дальнейшем номер %1 будет открывать %2.</translation>
    </message>
    <message>
        <source>Agreement %1 (kept)</source>
        <translation>Соглашение %1 (сохраняется)</translation>
    </message>
    <message>
        <source>Agreement %1</source>
        <translation>Соглашение %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other fact(s) the same on both sides (or empty).</source>
        <translation>
            <numerusform>Ещё %n сведение совпадает у обоих (или не заполнено).</numerusform>
            <numerusform>Ещё %n сведения совпадают у обоих (или не заполнены).</numerusform>
            <numerusform>Ещё %n сведений совпадают у обоих (или не заполнены).</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Parties after the merge: %1
Fields after the merge: %2</source>
        <translation>Стороны после объединения: %1
Сферы после объединения: %2</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Keep the other id</source>
        <translation>Сохранить другой номер</translation>
    </message>
    <message>
        <source>Merge %1 into %2 instead</source>
        <translation>Вместо этого объединить %1 с %2</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>Не объединено: %1</translation>
    </message>
    <message>
        <source>Not merged: %1. Close and open the merge again to see the change.</source>
        <translation>Не объединено: %1. Закройте и снова откройте объединение, чтобы увидеть изменение.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
</context>
<context>
    <name>NothingMatches</name>
    <message>
        <source>No agreements match</source>
        <translation>Подходящих соглашений нет</translation>
    </message>
    <message>
        <source>Remove a filter above, or start again.</source>
        <translation>Снимите один из фильтров выше или начните заново.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <source>role</source>
        <translation>роль</translation>
    </message>
    <message>
        <source>party kind</source>
        <translation>вид стороны</translation>
    </message>
    <message>
        <source>signatory</source>
        <translation>подписант</translation>
    </message>
    <message>
        <source>signatory&apos;s title</source>
        <translation>должность подписанта</translation>
    </message>
    <message>
        <source>type</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>date (signed / deposited)</source>
        <translation>дата (подписания / сдачи на хранение)</translation>
    </message>
    <message>
        <source>effective on</source>
        <translation>дата вступления в силу</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <source>signed on</source>
        <translation>дата подписания</translation>
    </message>
    <message>
        <source>deposited on</source>
        <translation>дата сдачи на хранение</translation>
    </message>
    <message>
        <source>notified on</source>
        <translation>дата уведомления</translation>
    </message>
    <message>
        <source>made on</source>
        <translation>дата заявления</translation>
    </message>
    <message>
        <source>dated on</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>Добавить сторону</translation>
    </message>
    <message>
        <source>New party</source>
        <translation>Новая сторона</translation>
    </message>
    <message>
        <source>A state, organization or government body, e.g. Uzbekistan</source>
        <translation>Государство, организация или государственный орган, например Узбекистан</translation>
    </message>
    <message>
        <source>recorded party</source>
        <translation>внесённая сторона</translation>
    </message>
    <message>
        <source>new state</source>
        <translation>новое государство</translation>
    </message>
    <message>
        <source>new international organization</source>
        <translation>новая международная организация</translation>
    </message>
    <message>
        <source>new government body</source>
        <translation>новый государственный орган</translation>
    </message>
    <message>
        <source>%1 (did you mean %2?)</source>
        <translation>%1 (может быть, %2?)</translation>
    </message>
    <message>
        <source>Actions: select a party above</source>
        <translation>Действия: выберите сторону выше</translation>
    </message>
    <message>
        <source>party %1</source>
        <translation>сторона %1</translation>
    </message>
    <message>
        <source>Actions of %1 (signature, ratification, …):</source>
        <translation>Действия стороны %1 (подписание, ратификация, …):</translation>
    </message>
    <message>
        <source>Party %1</source>
        <translation>Сторона %1</translation>
    </message>
    <message>
        <source>action %1: %2</source>
        <translation>действие %1: %2</translation>
    </message>
    <message>
        <source>%1, action %2, %3: %4</source>
        <translation>%1, действие %2, %3: %4</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Подписант</translation>
    </message>
    <message>
        <source>Signatory&apos;s title</source>
        <translation>Должность подписанта</translation>
    </message>
    <message>
        <source>Recorded as</source>
        <translation>Будет внесена как</translation>
    </message>
    <message>
        <source>Kind if new</source>
        <translation>Вид, если новая</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Date (signed / deposited)</source>
        <translation>Дата (подписания / сдачи на хранение)</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>Вступает в силу</translation>
    </message>
    <message>
        <source>Text (reservation, declaration …)</source>
        <translation>Текст (оговорки, заявления …)</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Связь</translation>
    </message>
    <message>
        <source>Other agreement</source>
        <translation>Другое соглашение</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>Добавить сторону</translation>
    </message>
    <message>
        <source>Remove party</source>
        <translation>Убрать сторону</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Добавить действие</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Убрать действие</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>Добавить этап</translation>
    </message>
    <message>
        <source>Remove milestone</source>
        <translation>Убрать этап</translation>
    </message>
    <message>
        <source>Add relation</source>
        <translation>Добавить связь</translation>
    </message>
    <message>
        <source>Remove relation</source>
        <translation>Убрать связь</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
</context>
<context>
    <name>RelationEditor</name>
    <message>
        <source>Relation</source>
        <translation>Связь</translation>
    </message>
    <message>
        <source>Other agreement</source>
        <translation>Другое соглашение</translation>
    </message>
    <message>
        <source>Words of the other agreement&apos;s title, e.g. Aral Sea</source>
        <translation>Слова из названия другого соглашения, например Аральское море</translation>
    </message>
    <message>
        <source>Matching agreements</source>
        <translation>Подходящие соглашения</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Change type</source>
        <translation>&amp;Изменить вид связи</translation>
    </message>
    <message>
        <source>Replaced by (saved as: that agreement supersedes this)</source>
        <translation>Заменён документом (сохраняется как: тот документ заменяет этот)</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Заменён документом</translation>
    </message>
    <message>
        <source>Remove replaced &amp;by</source>
        <translation>&amp;Убрать заменивший документ</translation>
    </message>
    <message>
        <source>Choose how this agreement relates to another, find that one by words of its title, and press Enter (or Add).</source>
        <translation>Выберите, как это соглашение связано с другим, найдите другое по словам из его названия и нажмите Enter (или «Добавить»).</translation>
    </message>
    <message>
        <source>Recorded on other agreements (edit them to change these):</source>
        <translation>Внесено в других соглашениях (чтобы изменить, отредактируйте их):</translation>
    </message>
    <message>
        <source>agreement %1 (not found)</source>
        <translation>соглашение %1 (не найдено)</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
    <message>
        <source>other agreement</source>
        <translation>другое соглашение</translation>
    </message>
    <message>
        <source>Relation %1, %2: %3</source>
        <translation>Связь %1, %2: %3</translation>
    </message>
    <message>
        <source>Replaced by %1: %2</source>
        <translation>Заменён документом %1: %2</translation>
    </message>
    <message>
        <source>No agreement has &apos;%1&apos; in its title.</source>
        <translation>Ни в одном названии соглашения нет «%1».</translation>
    </message>
    <message>
        <source>Enter adds the highlighted agreement. More match: type another word to narrow the list.</source>
        <translation>Enter добавляет выделенное соглашение. Подходят и другие: введите ещё слово, чтобы сузить список.</translation>
    </message>
    <message>
        <source>Enter adds the highlighted agreement.</source>
        <translation>Enter добавляет выделенное соглашение.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Соглашений</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Когда создана</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>ежедневная</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>вручную</translation>
    </message>
    <message>
        <source>before import</source>
        <translation>перед импортом</translation>
    </message>
    <message>
        <source>before bulk edit</source>
        <translation>перед массовым изменением</translation>
    </message>
    <message>
        <source>before merge</source>
        <translation>перед объединением</translation>
    </message>
    <message>
        <source>before restore</source>
        <translation>перед восстановлением</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Choose a backup of %1 to put in its place. The database as it is now is backed up first, so a restore can be undone by restoring that backup.</source>
        <translation>Выберите резервную копию %1, которая её заменит. Сначала создаётся резервная копия базы в нынешнем виде, так что восстановление можно отменить, восстановив эту копию.</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Чтение резервных копий…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>не читается</translation>
    </message>
    <message numerus="yes">
        <source>%Ln backup(s) in %1</source>
        <translation>
            <numerusform>%Ln резервная копия в %1</numerusform>
            <numerusform>%Ln резервные копии в %1</numerusform>
            <numerusform>%Ln резервных копий в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>Резервных копий этой базы данных пока нет.</translation>
    </message>
    <message>
        <source>Restoring the backup of %1…</source>
        <translation>Восстановление резервной копии от %1…</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Не восстановлено: %1</translation>
    </message>
    <message>
        <source>? agreements</source>
        <translation>? соглашений</translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s)</source>
        <translation>
            <numerusform>%Ln соглашение</numerusform>
            <numerusform>%Ln соглашения</numerusform>
            <numerusform>%Ln соглашений</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored the backup of %1 (%2); the database as it was is kept as %3</source>
        <translation>Восстановлена резервная копия от %1 (%2); прежняя база данных сохранена как %3</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>agreement %1 does not exist (it may have been deleted)</source>
        <translation>соглашения %1 нет (возможно, оно удалено)</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>другой пользователь</translation>
    </message>
    <message>
        <source>agreement %1 was changed by %2 at %3 after you opened it (version %4, you opened version %5); reload it to see the change</source>
        <translation>соглашение %1 изменено после того, как вы его открыли: %2, %3 (версия %4, вы открыли версию %5); откройте его заново, чтобы увидеть изменение</translation>
    </message>
    <message>
        <source>agreement %1 was deleted by %2 at %3</source>
        <translation>соглашение %1 удалено: %2, %3</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>SummaryPrinter</name>
    <message numerus="yes">
        <source>%Ln agreement(s).</source>
        <translation>
            <numerusform>%Ln соглашение.</numerusform>
            <numerusform>%Ln соглашения.</numerusform>
            <numerusform>%Ln соглашений.</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Сфера</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more: Export PDF writes every one.</source>
        <translation>
            <numerusform>… и ещё %Ln: экспорт в PDF включает все.</numerusform>
            <numerusform>… и ещё %Ln: экспорт в PDF включает все.</numerusform>
            <numerusform>… и ещё %Ln: экспорт в PDF включает все.</numerusform>
        </translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>Preparing the summary…</source>
        <translation>Подготовка сводки…</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>Печать сводки</translation>
    </message>
    <message numerus="yes">
        <source>Sent the summary of %Ln agreement(s) to the printer.</source>
        <translation>
            <numerusform>Сводка по %Ln соглашению отправлена на печать.</numerusform>
            <numerusform>Сводка по %Ln соглашениям отправлена на печать.</numerusform>
            <numerusform>Сводка по %Ln соглашениям отправлена на печать.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Nothing was printed: %1</source>
        <translation>Ничего не напечатано: %1</translation>
    </message>
</context>
<context>
    <name>TableColumns</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Сферы</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>В силе с</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Истекает</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>№</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>duration</source>
        <translation>срок действия</translation>
    </message>
    <message>
        <source>renewal</source>
        <translation>продление</translation>
    </message>
    <message>
        <source>notice period</source>
        <translation>срок уведомления</translation>
    </message>
    <message>
        <source>entry into force</source>
        <translation>вступление в силу</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is longer than a thousand years</source>
        <translation>%1: «%2» — дольше тысячи лет</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a period (write e.g. &apos;5 years&apos;, &apos;18 months&apos; or &apos;90 days&apos;)</source>
        <translation>%1: «%2» — не срок (пишите по-английски, например &apos;5 years&apos;, &apos;18 months&apos; или &apos;90 days&apos;)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is a period of no length</source>
        <translation>%1: «%2» — срок нулевой длины</translation>
    </message>
    <message>
        <source>renewal: &apos;%1&apos; is not a renewal (write &apos;none&apos;, &apos;tacit&apos;, &apos;by agreement&apos; or e.g. &apos;automatic for 5 years&apos;)</source>
        <translation>продление: «%1» — не вид продления (пишите по-английски: &apos;none&apos;, &apos;tacit&apos;, &apos;by agreement&apos; или, например, &apos;automatic for 5 years&apos;)</translation>
    </message>
    <message>
        <source>entry into force: %1</source>
        <translation>вступление в силу: %1</translation>
    </message>
    <message>
        <source>entry into force: &apos;%1&apos; is not a rule (write &apos;on signature&apos;, &apos;on 2022-03-01&apos;, &apos;30 days after last notification&apos;, &apos;30 days after last ratification&apos; or &apos;30 days after 22 ratifications&apos;)</source>
        <translation>вступление в силу: «%1» — не правило (пишите по-английски: &apos;on signature&apos;, &apos;on 2022-03-01&apos;, &apos;30 days after last notification&apos;, &apos;30 days after last ratification&apos; или &apos;30 days after 22 ratifications&apos;)</translation>
    </message>
    <message>
        <source>entry into force: &apos;%1&apos; needs at least one ratification</source>
        <translation>вступление в силу: для «%1» нужна хотя бы одна ратификация</translation>
    </message>
    <message>
        <source>entry into force: &apos;%1&apos; counts more states than there are</source>
        <translation>вступление в силу: в «%1» больше государств, чем их существует</translation>
    </message>
</context>
<context>
    <name>TermsFields</name>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Срок действия</translation>
    </message>
    <message>
        <source>e.g. 5 years, 18 months, indefinite</source>
        <translation>например 5 years, 18 months, indefinite</translation>
    </message>
    <message>
        <source>&amp;Renewal</source>
        <translation>&amp;Продление</translation>
    </message>
    <message>
        <source>none, tacit, by agreement, or e.g. automatic for 5 years</source>
        <translation>none, tacit, by agreement или, например, automatic for 5 years</translation>
    </message>
    <message>
        <source>&amp;Notice period</source>
        <translation>Срок &amp;уведомления</translation>
    </message>
    <message>
        <source>e.g. 6 months, 90 days</source>
        <translation>например 6 months, 90 days</translation>
    </message>
    <message>
        <source>&amp;Entry into force</source>
        <translation>&amp;Вступление в силу</translation>
    </message>
    <message>
        <source>on signature, on 2022-03-01, 30 days after last notification, after 22 ratifications</source>
        <translation>on signature, on 2022-03-01, 30 days after last notification, after 22 ratifications</translation>
    </message>
    <message>
        <source>Terms the deadlines are computed from (the Due panel, the calendar export). The text as written stays on the Dates tab.</source>
        <translation>Условия, по которым вычисляются сроки (панель «Сроки», экспорт в календарь); вводятся по-английски. Текст в исходной формулировке остаётся на вкладке дат.</translation>
    </message>
    <message>
        <source>%1 yet</source>
        <translation>пока не прочитано: %1</translation>
    </message>
    <message>
        <source>reads as: %1</source>
        <translation>читается как: %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV для Excel (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Import agreements</source>
        <translation>Импорт соглашений</translation>
    </message>
    <message>
        <source>Agreements (*.csv *.json);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Соглашения (*.csv *.json);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Чтение %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln agreement(s)</source>
        <translation>
            <numerusform>Импортировано %Ln соглашение</numerusform>
            <numerusform>Импортировано %Ln соглашения</numerusform>
            <numerusform>Импортировано %Ln соглашений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>updated %Ln</source>
        <translation>
            <numerusform>обновлено %Ln</numerusform>
            <numerusform>обновлено %Ln</numerusform>
            <numerusform>обновлено %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln already recorded</source>
        <translation>
            <numerusform>пропущено %Ln уже внесённое</numerusform>
            <numerusform>пропущено %Ln уже внесённых</numerusform>
            <numerusform>пропущено %Ln уже внесённых</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln repeated in the file</source>
        <translation>
            <numerusform>пропущено %Ln повторённое в файле</numerusform>
            <numerusform>пропущено %Ln повторённых в файле</numerusform>
            <numerusform>пропущено %Ln повторённых в файле</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new part(ies)</source>
        <translation>
            <numerusform>%Ln новая сторона</numerusform>
            <numerusform>%Ln новые стороны</numerusform>
            <numerusform>%Ln новых сторон</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new field(s)</source>
        <translation>
            <numerusform>%Ln новая сфера</numerusform>
            <numerusform>%Ln новые сферы</numerusform>
            <numerusform>%Ln новых сфер</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Импорт отменён; ничего не изменено.</translation>
    </message>
    <message numerus="yes">
        <source>%1 was not imported: nothing was changed. Fix the %Ln problem(s) below and import it again.</source>
        <translation>
            <numerusform>Файл %1 не импортирован, ничего не изменено. Исправьте указанную ниже ошибку (%Ln) и импортируйте его снова.</numerusform>
            <numerusform>Файл %1 не импортирован, ничего не изменено. Исправьте %Ln указанные ниже ошибки и импортируйте его снова.</numerusform>
            <numerusform>Файл %1 не импортирован, ничего не изменено. Исправьте %Ln указанных ниже ошибок и импортируйте его снова.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>Импорт отклонён</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>Файл %1 не импортирован: %2</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Экспорт: %1</translation>
    </message>
    <message>
        <source>Export refused</source>
        <translation>Экспорт отклонён</translation>
    </message>
    <message>
        <source>Nothing was exported: %1.</source>
        <translation>Ничего не экспортировано: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln agreement(s) to %1</source>
        <translation>
            <numerusform>Экспортировано %Ln соглашение в %1</numerusform>
            <numerusform>Экспортировано %Ln соглашения в %1</numerusform>
            <numerusform>Экспортировано %Ln соглашений в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Экспорт: %1…</translation>
    </message>
    <message>
        <source>A very long PDF</source>
        <translation>Очень длинный PDF</translation>
    </message>
    <message numerus="yes">
        <source>The PDF of %Ln agreement(s) will have about %1 pages and take a while to write. Make it?</source>
        <translation>
            <numerusform>PDF по %Ln соглашению займёт около %1 страниц, и его создание потребует времени. Создать?</numerusform>
            <numerusform>PDF по %Ln соглашениям займёт около %1 страниц, и его создание потребует времени. Создать?</numerusform>
            <numerusform>PDF по %Ln соглашениям займёт около %1 страниц, и его создание потребует времени. Создать?</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF summary of %1</source>
        <translation>Сводка в PDF: %1</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Создание PDF…</translation>
    </message>
    <message>
        <source>Fact sheet</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Writing the fact sheet…</source>
        <translation>Создание справки…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote %1: %2, %3.</source>
        <translation>Создан файл %1: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln страница</numerusform>
            <numerusform>%Ln страницы</numerusform>
            <numerusform>%Ln страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s)</source>
        <translation>
            <numerusform>%Ln соглашение</numerusform>
            <numerusform>%Ln соглашения</numerusform>
            <numerusform>%Ln соглашений</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF written, with warnings</source>
        <translation>PDF создан, есть предупреждения</translation>
    </message>
    <message>
        <source>PDF written</source>
        <translation>PDF создан</translation>
    </message>
    <message>
        <source>%1

Open it now?</source>
        <translation>%1

Открыть его сейчас?</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Экспорт отменён</translation>
    </message>
    <message>
        <source>Export PDF cancelled</source>
        <translation>Экспорт в PDF отменён</translation>
    </message>
    <message>
        <source>Fact sheet cancelled</source>
        <translation>Создание справки отменено</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Отменено; файл не создан.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>Export PDF failed</source>
        <translation>Экспорт в PDF не удался</translation>
    </message>
    <message>
        <source>Fact sheet failed</source>
        <translation>Справку создать не удалось</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Ничего не записано: %1</translation>
    </message>
    <message numerus="yes">
        <source>the %Ln agreement(s) matching the filter</source>
        <translation>
            <numerusform>%Ln соглашение, отобранное фильтром</numerusform>
            <numerusform>%Ln соглашения, отобранные фильтром</numerusform>
            <numerusform>%Ln соглашений, отобранных фильтром</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Экспорт в PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message numerus="yes">
        <source>Export the %Ln selected agreement(s), or all %1 that match the filter?</source>
        <translation>
            <numerusform>Экспортировать %Ln выбранное соглашение или все отобранные фильтром (%1)?</numerusform>
            <numerusform>Экспортировать %Ln выбранных соглашения или все отобранные фильтром (%1)?</numerusform>
            <numerusform>Экспортировать %Ln выбранных соглашений или все отобранные фильтром (%1)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export a PDF of the %Ln selected agreement(s), or of all %1 that match the filter?</source>
        <translation>
            <numerusform>Создать PDF по %Ln выбранному соглашению или по всем отобранным фильтром (%1)?</numerusform>
            <numerusform>Создать PDF по %Ln выбранным соглашениям или по всем отобранным фильтром (%1)?</numerusform>
            <numerusform>Создать PDF по %Ln выбранным соглашениям или по всем отобранным фильтром (%1)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Print the %Ln selected agreement(s), or all %1 that match the filter?</source>
        <translation>
            <numerusform>Напечатать %Ln выбранное соглашение или все отобранные фильтром (%1)?</numerusform>
            <numerusform>Напечатать %Ln выбранных соглашения или все отобранные фильтром (%1)?</numerusform>
            <numerusform>Напечатать %Ln выбранных соглашений или все отобранные фильтром (%1)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Выбранные</translation>
    </message>
    <message>
        <source>All matching</source>
        <translation>Все отобранные</translation>
    </message>
    <message numerus="yes">
        <source>the %Ln selected agreement(s)</source>
        <translation>
            <numerusform>%Ln выбранное соглашение</numerusform>
            <numerusform>%Ln выбранных соглашения</numerusform>
            <numerusform>%Ln выбранных соглашений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message numerus="yes">
        <source>The trash is empty. Agreements you delete (Del, or Edit › Delete) wait here %n day(s) before they go for good; Restore brings one back whole.</source>
        <translation>
            <numerusform>Корзина пуста. Удалённые соглашения (Del или Правка › Удалить) хранятся здесь %n день, затем удаляются навсегда; «Восстановить» возвращает соглашение целиком.</numerusform>
            <numerusform>Корзина пуста. Удалённые соглашения (Del или Правка › Удалить) хранятся здесь %n дня, затем удаляются навсегда; «Восстановить» возвращает соглашение целиком.</numerusform>
            <numerusform>Корзина пуста. Удалённые соглашения (Del или Правка › Удалить) хранятся здесь %n дней, затем удаляются навсегда; «Восстановить» возвращает соглашение целиком.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <source>%1 (agreement %2)</source>
        <translation>%1 (соглашение %2)</translation>
    </message>
    <message numerus="yes">
        <source>They are kept %n day(s), then deleted for good; Restore brings them back with their id, parties, fields and relations.</source>
        <translation>
            <numerusform>Они хранятся %n день, затем удаляются навсегда; «Восстановить» возвращает их с прежним номером, сторонами, сферами и связями.</numerusform>
            <numerusform>Они хранятся %n дня, затем удаляются навсегда; «Восстановить» возвращает их с прежним номером, сторонами, сферами и связями.</numerusform>
            <numerusform>Они хранятся %n дней, затем удаляются навсегда; «Восстановить» возвращает их с прежним номером, сторонами, сферами и связями.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted agreement(s).</source>
        <translation>
            <numerusform>%Ln удалённое соглашение.</numerusform>
            <numerusform>%Ln удалённых соглашения.</numerusform>
            <numerusform>%Ln удалённых соглашений.</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Очистка корзины</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %Ln agreement(s) in the trash for good? This can&apos;t be undone.</source>
        <translation>
            <numerusform>Удалить навсегда %Ln соглашение из корзины? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %Ln соглашения из корзины? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %Ln соглашений из корзины? Это нельзя отменить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln agreement(s) for good.</source>
        <translation>
            <numerusform>Навсегда удалено %Ln соглашение.</numerusform>
            <numerusform>Навсегда удалено %Ln соглашения.</numerusform>
            <numerusform>Навсегда удалено %Ln соглашений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>nothing to undo</source>
        <translation>отменять нечего</translation>
    </message>
    <message>
        <source>nothing to redo</source>
        <translation>повторять нечего</translation>
    </message>
    <message>
        <source>undo %1</source>
        <translation>отменить шаг «%1»</translation>
    </message>
    <message>
        <source>redo %1</source>
        <translation>повторить шаг «%1»</translation>
    </message>
    <message>
        <source>%1 was changed since</source>
        <translation>%1 с тех пор изменено</translation>
    </message>
    <message>
        <source>can&apos;t %1: %2</source>
        <translation>нельзя %1: %2</translation>
    </message>
    <message>
        <source>agreement %1 was moved to the trash by %2 since</source>
        <translation>соглашение %1 с тех пор перемещено в корзину (%2)</translation>
    </message>
    <message>
        <source>agreement %1 was brought back by %2 since</source>
        <translation>соглашение %1 с тех пор восстановлено из корзины (%2)</translation>
    </message>
    <message>
        <source>agreement %1 was deleted for good (the trash was emptied) since</source>
        <translation>соглашение %1 с тех пор удалено навсегда (корзина очищена)</translation>
    </message>
    <message>
        <source>the party &apos;%1&apos;</source>
        <translation>сторона «%1»</translation>
    </message>
    <message>
        <source>the field &apos;%1&apos;</source>
        <translation>область «%1»</translation>
    </message>
    <message>
        <source>the view &apos;%1&apos;</source>
        <translation>вид «%1»</translation>
    </message>
    <message>
        <source>the attachment &apos;%1&apos;</source>
        <translation>вложение «%1»</translation>
    </message>
    <message>
        <source>party %1</source>
        <translation>сторона %1</translation>
    </message>
    <message>
        <source>field %1</source>
        <translation>область %1</translation>
    </message>
    <message>
        <source>view %1</source>
        <translation>вид %1</translation>
    </message>
    <message>
        <source>attachment %1</source>
        <translation>вложение %1</translation>
    </message>
    <message>
        <source>agreement %1 was changed by %2 at %3 since</source>
        <translation>соглашение %1 с тех пор изменено: %2, %3</translation>
    </message>
    <message>
        <source>agreement %1 is not in the trash (it is in the database)</source>
        <translation>соглашения %1 нет в корзине (оно в базе)</translation>
    </message>
    <message>
        <source>agreement %1 is not in the trash</source>
        <translation>соглашения %1 нет в корзине</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>&apos;%1&apos; is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation>«%1» — не дата (пишите ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date: %2</source>
        <translation>«%1» — не дата: %2</translation>
    </message>
    <message>
        <source>title is required</source>
        <translation>нужно указать название</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web address (http:// or https://)</source>
        <translation>«%1» — не веб-адрес (http:// или https://)</translation>
    </message>
    <message>
        <source>field name is empty</source>
        <translation>пустое название сферы</translation>
    </message>
    <message>
        <source>at least one party is required</source>
        <translation>нужна хотя бы одна сторона</translation>
    </message>
    <message>
        <source>party name is empty</source>
        <translation>пустое название стороны</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice (also party %2)</source>
        <translation>«%1» указана дважды (также сторона %2)</translation>
    </message>
    <message>
        <source>takes effect (%1) before it was deposited (%2)</source>
        <translation>вступает в силу (%1) раньше сдачи на хранение (%2)</translation>
    </message>
    <message>
        <source>entry into force (%1) is before signature (%2)</source>
        <translation>вступление в силу (%1) раньше подписания (%2)</translation>
    </message>
    <message>
        <source>expiry (%1) is before signature (%2)</source>
        <translation>истечение срока (%1) раньше подписания (%2)</translation>
    </message>
    <message>
        <source>expiry (%1) is before entry into force (%2)</source>
        <translation>истечение срока (%1) раньше вступления в силу (%2)</translation>
    </message>
    <message>
        <source>termination (%1) is before signature (%2)</source>
        <translation>прекращение (%1) раньше подписания (%2)</translation>
    </message>
    <message>
        <source>year %1 is out of range</source>
        <translation>год %1 вне допустимых пределов</translation>
    </message>
    <message>
        <source>a day needs a month</source>
        <translation>для дня нужен месяц</translation>
    </message>
    <message>
        <source>month %1 is not between 1 and 12</source>
        <translation>месяц %1 не от 1 до 12</translation>
    </message>
    <message>
        <source>%1 has no day %2</source>
        <translation>в месяце «%1» нет %2-го числа</translation>
    </message>
    <message>
        <source>with slashes the day and the month could be either way round: write 15.07.2022</source>
        <translation>через косую черту день и месяц можно перепутать: пишите 15.07.2022</translation>
    </message>
    <message>
        <source>a year has four digits</source>
        <translation>в годе четыре цифры</translation>
    </message>
    <message>
        <source>not a date: try 15 July 2022, July 2022, 15.07.2022 or 2022</source>
        <translation>не дата: пишите 15 июля 2022, июль 2022, 15.07.2022 или 2022</translation>
    </message>
    <message>
        <source>there is no month %1</source>
        <translation>месяца %1 нет</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a month</source>
        <translation>«%1» — не месяц</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>level</source>
        <translation>уровень</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>party kind</source>
        <translation>вид стороны</translation>
    </message>
    <message>
        <source>role</source>
        <translation>роль</translation>
    </message>
    <message>
        <source>action</source>
        <translation>действие</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>связь</translation>
    </message>
    <message>
        <source>milestone kind</source>
        <translation>вид этапа</translation>
    </message>
    <message>
        <source>party status</source>
        <translation>статус стороны</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a %2</source>
        <translation>«%1» — не %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an %2</source>
        <translation>«%1» — не %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a %2 (did you mean &apos;%3&apos;?)</source>
        <translation>«%1» — не %2 (может быть, «%3»?)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an %2 (did you mean &apos;%3&apos;?)</source>
        <translation>«%1» — не %2 (может быть, «%3»?)</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Treaty</source>
        <comment>Kind</comment>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Convention</source>
        <comment>Kind</comment>
        <translation>Конвенция</translation>
    </message>
    <message>
        <source>Agreement</source>
        <comment>Kind</comment>
        <translation>Соглашение</translation>
    </message>
    <message>
        <source>Protocol</source>
        <comment>Kind</comment>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Charter</source>
        <comment>Kind</comment>
        <translation>Устав (хартия)</translation>
    </message>
    <message>
        <source>Declaration</source>
        <comment>Kind</comment>
        <translation>Декларация</translation>
    </message>
    <message>
        <source>Memorandum of understanding</source>
        <comment>Kind</comment>
        <translation>Меморандум о взаимопонимании</translation>
    </message>
    <message>
        <source>Exchange of notes</source>
        <comment>Kind</comment>
        <translation>Обмен нотами</translation>
    </message>
    <message>
        <source>Joint statement</source>
        <comment>Kind</comment>
        <translation>Совместное заявление</translation>
    </message>
    <message>
        <source>Programme</source>
        <comment>Kind</comment>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <comment>Kind</comment>
        <translation>Дорожная карта</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>Kind</comment>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Interstate</source>
        <comment>Level</comment>
        <translation>Межгосударственный</translation>
    </message>
    <message>
        <source>Intergovernmental</source>
        <comment>Level</comment>
        <translation>Межправительственный</translation>
    </message>
    <message>
        <source>Interdepartmental</source>
        <comment>Level</comment>
        <translation>Межведомственный</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>Level</comment>
        <translation>Неизвестен</translation>
    </message>
    <message>
        <source>Draft</source>
        <comment>Status</comment>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Under negotiation</source>
        <comment>Status</comment>
        <translation>Обсуждается на переговорах</translation>
    </message>
    <message>
        <source>Adopted</source>
        <comment>Status</comment>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Signed</source>
        <comment>Status</comment>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Ratified</source>
        <comment>Status</comment>
        <translation>Ратифицировано</translation>
    </message>
    <message>
        <source>Provisionally applied</source>
        <comment>Status</comment>
        <translation>Применяется временно</translation>
    </message>
    <message>
        <source>In force</source>
        <comment>Status</comment>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>Status</comment>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <source>Terminated</source>
        <comment>Status</comment>
        <translation>Прекращено</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>Status</comment>
        <translation>Срок действия истёк</translation>
    </message>
    <message>
        <source>State</source>
        <comment>PartyKind</comment>
        <translation>Государство</translation>
    </message>
    <message>
        <source>International organization</source>
        <comment>PartyKind</comment>
        <translation>Международная организация</translation>
    </message>
    <message>
        <source>Government body</source>
        <comment>PartyKind</comment>
        <translation>Государственный орган</translation>
    </message>
    <message>
        <source>Negotiating state</source>
        <comment>Role</comment>
        <translation>Участвующее в переговорах государство</translation>
    </message>
    <message>
        <source>Original signatory</source>
        <comment>Role</comment>
        <translation>Первоначальный подписант</translation>
    </message>
    <message>
        <source>Party</source>
        <comment>Role</comment>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Observer</source>
        <comment>Role</comment>
        <translation>Наблюдатель</translation>
    </message>
    <message>
        <source>Depositary</source>
        <comment>Role</comment>
        <translation>Депозитарий</translation>
    </message>
    <message>
        <source>Signature</source>
        <comment>ActionType</comment>
        <translation>Подписание</translation>
    </message>
    <message>
        <source>Definitive signature</source>
        <comment>ActionType</comment>
        <translation>Окончательное подписание</translation>
    </message>
    <message>
        <source>Ratification</source>
        <comment>ActionType</comment>
        <translation>Ратификация</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <comment>ActionType</comment>
        <translation>Принятие</translation>
    </message>
    <message>
        <source>Approval</source>
        <comment>ActionType</comment>
        <translation>Утверждение</translation>
    </message>
    <message>
        <source>Formal confirmation</source>
        <comment>ActionType</comment>
        <translation>Официальное подтверждение</translation>
    </message>
    <message>
        <source>Accession</source>
        <comment>ActionType</comment>
        <translation>Присоединение</translation>
    </message>
    <message>
        <source>Succession</source>
        <comment>ActionType</comment>
        <translation>Правопреемство</translation>
    </message>
    <message>
        <source>Provisional application</source>
        <comment>ActionType</comment>
        <translation>Временное применение</translation>
    </message>
    <message>
        <source>Entry into force</source>
        <comment>ActionType</comment>
        <translation>Вступление в силу</translation>
    </message>
    <message>
        <source>Reservation</source>
        <comment>ActionType</comment>
        <translation>Оговорка</translation>
    </message>
    <message>
        <source>Declaration</source>
        <comment>ActionType</comment>
        <translation>Заявление</translation>
    </message>
    <message>
        <source>Objection</source>
        <comment>ActionType</comment>
        <translation>Возражение</translation>
    </message>
    <message>
        <source>Denunciation</source>
        <comment>ActionType</comment>
        <translation>Денонсация</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <comment>ActionType</comment>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Protocol to</source>
        <comment>RelationType</comment>
        <translation>Протокол к</translation>
    </message>
    <message>
        <source>Amends</source>
        <comment>RelationType</comment>
        <translation>Изменяет</translation>
    </message>
    <message>
        <source>Supersedes</source>
        <comment>RelationType</comment>
        <translation>Заменяет</translation>
    </message>
    <message>
        <source>Supplements</source>
        <comment>RelationType</comment>
        <translation>Дополняет</translation>
    </message>
    <message>
        <source>Implements</source>
        <comment>RelationType</comment>
        <translation>Принято во исполнение</translation>
    </message>
    <message>
        <source>Terminates</source>
        <comment>RelationType</comment>
        <translation>Прекращает действие</translation>
    </message>
    <message>
        <source>Signed</source>
        <comment>MilestoneKind</comment>
        <translation>Подписание</translation>
    </message>
    <message>
        <source>Ratified</source>
        <comment>MilestoneKind</comment>
        <translation>Ратификация</translation>
    </message>
    <message>
        <source>Entered into force</source>
        <comment>MilestoneKind</comment>
        <translation>Вступление в силу</translation>
    </message>
    <message>
        <source>Amended</source>
        <comment>MilestoneKind</comment>
        <translation>Внесение изменений</translation>
    </message>
    <message>
        <source>Review due</source>
        <comment>MilestoneKind</comment>
        <translation>Срок пересмотра</translation>
    </message>
    <message>
        <source>Expires</source>
        <comment>MilestoneKind</comment>
        <translation>Истечение срока действия</translation>
    </message>
    <message>
        <source>Notice period for renewal ends</source>
        <comment>MilestoneKind</comment>
        <translation>Истечение срока уведомления о продлении</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>MilestoneKind</comment>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Signatory</source>
        <comment>PartyStatus</comment>
        <translation>Подписавшее государство</translation>
    </message>
    <message>
        <source>Contracting</source>
        <comment>PartyStatus</comment>
        <translation>Договаривающееся государство</translation>
    </message>
    <message>
        <source>Party</source>
        <comment>PartyStatus</comment>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Provisionally applying</source>
        <comment>PartyStatus</comment>
        <translation>Применяет временно</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <comment>PartyStatus</comment>
        <translation>Вышло</translation>
    </message>
    <message>
        <source>Expected entry into force</source>
        <comment>DeadlineKind</comment>
        <translation>Ожидаемое вступление в силу</translation>
    </message>
    <message>
        <source>Last day to give notice</source>
        <comment>DeadlineKind</comment>
        <translation>Последний день для уведомления</translation>
    </message>
    <message>
        <source>Renews</source>
        <comment>DeadlineKind</comment>
        <translation>Продление</translation>
    </message>
    <message>
        <source>Expires</source>
        <comment>DeadlineKind</comment>
        <translation>Истечение срока действия</translation>
    </message>
    <message>
        <source>Has protocol</source>
        <comment>RelationType inverse</comment>
        <translation>Имеет протокол</translation>
    </message>
    <message>
        <source>Amended by</source>
        <comment>RelationType inverse</comment>
        <translation>Изменён документом</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <comment>RelationType inverse</comment>
        <translation>Заменён документом</translation>
    </message>
    <message>
        <source>Supplemented by</source>
        <comment>RelationType inverse</comment>
        <translation>Дополнен документом</translation>
    </message>
    <message>
        <source>Implemented by</source>
        <comment>RelationType inverse</comment>
        <translation>Во исполнение принят</translation>
    </message>
    <message>
        <source>Terminated by</source>
        <comment>RelationType inverse</comment>
        <translation>Прекращён документом</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>This database holds no agreements yet. &lt;b&gt;Add an agreement&lt;/b&gt; (Ctrl+N), &lt;b&gt;import&lt;/b&gt; a CSV or JSON file (File › Import…, or drop the file on the window), or &lt;b&gt;load the sample&lt;/b&gt;: the Kazakhstan–Uzbekistan Declaration on Allied Relations of 6 December 2021 and the seven documents signed with it, to look around.</source>
        <translation>В этой базе данных пока нет соглашений. &lt;b&gt;Добавьте соглашение&lt;/b&gt; (Ctrl+N), &lt;b&gt;импортируйте&lt;/b&gt; файл CSV или JSON (Файл › Импорт… или перетащите файл в окно) или &lt;b&gt;загрузите образец&lt;/b&gt;, чтобы осмотреться: Декларацию о союзнических отношениях между Казахстаном и Узбекистаном от 6 декабря 2021 года и семь документов, подписанных вместе с ней.</translation>
    </message>
    <message>
        <source>This database holds no agreements yet, and your user may only read it: once someone with the right to write adds agreements, they appear here (View › Refresh, F5).</source>
        <translation>В этой базе данных пока нет соглашений, а вашему пользователю разрешено только чтение: когда кто-то с правом записи добавит соглашения, они появятся здесь (Вид › Обновить, F5).</translation>
    </message>
    <message>
        <source>Welcome to Treaty Tracker</source>
        <translation>Добро пожаловать в Treaty Tracker</translation>
    </message>
    <message>
        <source>New agreement…</source>
        <translation>Новое соглашение…</translation>
    </message>
    <message>
        <source>Add an agreement</source>
        <translation>Добавить соглашение</translation>
    </message>
    <message>
        <source>Import CSV or JSON…</source>
        <translation>Импорт CSV или JSON…</translation>
    </message>
    <message>
        <source>Import agreements from a file</source>
        <translation>Импортировать соглашения из файла</translation>
    </message>
    <message>
        <source>Load the sample</source>
        <translation>Загрузить образец</translation>
    </message>
    <message>
        <source>Load sample agreements</source>
        <translation>Загрузить образцы соглашений</translation>
    </message>
</context>
</TS>
