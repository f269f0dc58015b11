<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgreementDialog</name>
    <message numerus="yes">
        <source>Not saved: %n problem(s), marked in red.</source>
        <translation>
            <numerusform>Not saved: %n problem, marked in red.</numerusform>
            <numerusform>Not saved: %n problems, marked in red.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <translation>
            <numerusform>%Ln draft</numerusform>
            <numerusform>%Ln drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln like recorded agreements (not ticked)</source>
        <translation>
            <numerusform>%Ln like a recorded agreement (not ticked)</numerusform>
            <numerusform>%Ln like recorded agreements (not ticked)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message numerus="yes">
        <source>; the latest good backup is %1 (%2, %Ln agreement(s)): restore it with &apos;treaty-tracker --db %3 restore-backup %1&apos;</source>
        <translation>
            <numerusform>; the latest good backup is %1 (%2, %Ln agreement): restore it with &apos;treaty-tracker --db %3 restore-backup %1&apos;</numerusform>
            <numerusform>; the latest good backup is %1 (%2, %Ln agreements): restore it with &apos;treaty-tracker --db %3 restore-backup %1&apos;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>The %Ln selected</source>
        <translation>
            <numerusform>The %Ln selected</numerusform>
            <numerusform>The %Ln selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching the filter</source>
        <translation>
            <numerusform>All %Ln matching the filter</numerusform>
            <numerusform>All %Ln matching the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changing %Ln agreement(s)…</source>
        <translation>
            <numerusform>Changing %Ln agreement…</numerusform>
            <numerusform>Changing %Ln agreements…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEditPreview</name>
    <message numerus="yes">
        <source>%Ln agreement(s) would change</source>
        <translation>
            <numerusform>%Ln agreement would change</numerusform>
            <numerusform>%Ln agreements would change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s) would stay as they are</source>
        <translation>
            <numerusform>%Ln agreement would stay as they are</numerusform>
            <numerusform>%Ln agreements would stay as they are</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message numerus="yes">
        <source>&apos;%1&apos; and &apos;%2&apos; both take part in %Ln agreement(s); edit those first so that only one of them is listed</source>
        <translation>
            <numerusform>&apos;%1&apos; and &apos;%2&apos; both take part in %Ln agreement; edit those first so that only one of them is listed</numerusform>
            <numerusform>&apos;%1&apos; and &apos;%2&apos; both take part in %Ln agreements; edit those first so that only one of them is listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; takes part in %Ln agreement(s); it can&apos;t be deleted</source>
        <translation>
            <numerusform>&apos;%1&apos; takes part in %Ln agreement; it can&apos;t be deleted</numerusform>
            <numerusform>&apos;%1&apos; takes part in %Ln agreements; it can&apos;t be deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; is the field of %Ln agreement(s); it can&apos;t be deleted</source>
        <translation>
            <numerusform>&apos;%1&apos; is the field of %Ln agreement; it can&apos;t be deleted</numerusform>
            <numerusform>&apos;%1&apos; is the field of %Ln agreements; it can&apos;t be deleted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message numerus="yes">
        <source>these %Ln agreement(s)</source>
        <translation>
            <numerusform>this agreement</numerusform>
            <numerusform>these %Ln agreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DamagedOffer</name>
    <message numerus="yes">
        <source>%1.

Restore the latest good backup, made %2 with %Ln agreement(s)? The damaged file is kept beside the backups.</source>
        <translation>
            <numerusform>%1.

Restore the latest good backup, made %2 with %Ln agreement? The damaged file is kept beside the backups.</numerusform>
            <numerusform>%1.

Restore the latest good backup, made %2 with %Ln agreements? The damaged file is kept beside the backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln year</numerusform>
            <numerusform>%Ln years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %Ln ratification(s)</source>
        <translation>
            <numerusform>after %Ln ratification</numerusform>
            <numerusform>after %Ln ratifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 after %Ln ratification(s)</source>
        <translation>
            <numerusform>%1 after %Ln ratification</numerusform>
            <numerusform>%1 after %Ln ratifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) after last notification</source>
        <translation>
            <numerusform>%Ln day after last notification</numerusform>
            <numerusform>%Ln days after last notification</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) after last ratification</source>
        <translation>
            <numerusform>%Ln day after last ratification</numerusform>
            <numerusform>%Ln days after last ratification</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <source>%Ln signatory(ies)</source>
        <translation>
            <numerusform>%Ln signatory</numerusform>
            <numerusform>%Ln signatories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln party(ies)</source>
        <translation>
            <numerusform>%Ln party</numerusform>
            <numerusform>%Ln parties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln withdrawn</source>
        <translation>
            <numerusform>%Ln withdrawn</numerusform>
            <numerusform>%Ln withdrawn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with no action recorded</source>
        <translation>
            <numerusform>%Ln with no action recorded</numerusform>
            <numerusform>%Ln with no action recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed at %1 by %Ln signatory(ies)</source>
        <translation>
            <numerusform>Signed at %1 by %Ln signatory</numerusform>
            <numerusform>Signed at %1 by %Ln signatories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed by %Ln signatory(ies)</source>
        <translation>
            <numerusform>Signed by %Ln signatory</numerusform>
            <numerusform>Signed by %Ln signatories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %Ln parties</source>
        <translation>
            <numerusform>Show the %Ln party</numerusform>
            <numerusform>Show all %Ln parties</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueFilter</name>
    <message numerus="yes">
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>Due within %n day</numerusform>
            <numerusform>Due within %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message numerus="yes">
        <source>within %Ln day(s)</source>
        <translation>
            <numerusform>within %Ln day</numerusform>
            <numerusform>within %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s) with deadlines %1</source>
        <translation>
            <numerusform>%Ln agreement has a deadline %1</numerusform>
            <numerusform>%Ln agreements have deadlines %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next %n day(s)</source>
        <translation>
            <numerusform>Next %n day</numerusform>
            <numerusform>Next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing falls due in the next %Ln day(s).</source>
        <translation>
            <numerusform>Nothing falls due in the next %Ln day.</numerusform>
            <numerusform>Nothing falls due in the next %Ln days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deadline(s) as of %1 (the first ones: there are more).</source>
        <translation>
            <numerusform>%Ln deadline as of %1 (the first ones: there are more).</numerusform>
            <numerusform>%Ln deadlines as of %1 (the first ones: there are more).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deadline(s) as of %1.</source>
        <translation>
            <numerusform>%Ln deadline as of %1.</numerusform>
            <numerusform>%Ln deadlines as of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message numerus="yes">
        <source>This looks like %n agreement(s) already recorded, with the same signing date and parties and a title near in wording:</source>
        <translation>
            <numerusform>This looks like an agreement already recorded, with the same signing date and parties and a title near in wording:</numerusform>
            <numerusform>This looks like %n agreements already recorded, with the same signing date and parties and a title near in wording:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message numerus="yes">
        <source>%Ln agreement(s)</source>
        <translation>
            <numerusform>%Ln agreement</numerusform>
            <numerusform>%Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln page(s)</source>
        <translation>
            <numerusform>about %Ln page</numerusform>
            <numerusform>about %Ln pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>History</name>
    <message numerus="yes">
        <source>deletion of %Ln agreement(s)</source>
        <translation>
            <numerusform>deletion of %Ln agreement</numerusform>
            <numerusform>deletion of %Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>restore of %Ln agreement(s)</source>
        <translation>
            <numerusform>restore of %Ln agreement</numerusform>
            <numerusform>restore of %Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bulk edit of %Ln agreement(s)</source>
        <translation>
            <numerusform>bulk edit of %Ln agreement</numerusform>
            <numerusform>bulk edit of %Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) from an article</source>
        <translation>
            <numerusform>%Ln draft from an article</numerusform>
            <numerusform>%Ln drafts from an article</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message numerus="yes">
        <source>Moved %Ln agreement(s) to the trash. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Moved %Ln agreement to the trash. Ctrl+Z brings them back.</numerusform>
            <numerusform>Moved %Ln agreements to the trash. Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln agreement(s).</source>
        <translation>
            <numerusform>Restored %Ln agreement.</numerusform>
            <numerusform>Restored %Ln agreements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message numerus="yes">
        <source>and %Ln more problem(s), not listed</source>
        <translation>
            <numerusform>and %Ln more problem, not listed</numerusform>
            <numerusform>and %Ln more problems, not listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s), but the header names %1 columns (is a cell holding the separator not in quotes?)</source>
        <translation>
            <numerusform>%Ln cell, but the header names %1 columns (is a cell holding the separator not in quotes?)</numerusform>
            <numerusform>%Ln cells, but the header names %1 columns (is a cell holding the separator not in quotes?)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unknown column(s) %1 (the columns are %2, level, %3)</source>
        <translation>
            <numerusform>unknown column %1 (the columns are %2, level, %3)</numerusform>
            <numerusform>unknown columns %1 (the columns are %2, level, %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>column &apos;%1&apos; appears %Ln time(s)</source>
        <translation>
            <numerusform>column &apos;%1&apos; appears %Ln time</numerusform>
            <numerusform>column &apos;%1&apos; appears %Ln times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 and %Ln more</numerusform>
            <numerusform>%1 and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; holds %Ln agreement(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; holds %Ln agreement.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; holds %Ln agreements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln&lt;/b&gt; is new and will be added.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; is new and will be added.</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; are new and will be added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln is already recorded (same title and signing date): will be updated from the file.</source>
        <translation>
            <numerusform>%Ln is already recorded (same title and signing date): will be updated from the file.</numerusform>
            <numerusform>%Ln are already recorded (same title and signing date): will be updated from the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln is already recorded (same title and signing date): will be skipped, unless you choose to update them.</source>
        <translation>
            <numerusform>%Ln is already recorded (same title and signing date): will be skipped, unless you choose to update them.</numerusform>
            <numerusform>%Ln are already recorded (same title and signing date): will be skipped, unless you choose to update them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeats an earlier row of the file and will be skipped.</source>
        <translation>
            <numerusform>%Ln repeats an earlier row of the file and will be skipped.</numerusform>
            <numerusform>%Ln repeat an earlier row of the file and will be skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new party(ies): %1.</source>
        <translation>
            <numerusform>%Ln new partyy: %1.</numerusform>
            <numerusform>%Ln new partyies: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln new party(ies) may be misspelt:&lt;/b&gt; %1.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln new partyy may be misspelt:&lt;/b&gt; %1.</numerusform>
            <numerusform>&lt;b&gt;%Ln new partyies may be misspelt:&lt;/b&gt; %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new field(s): %1.</source>
        <translation>
            <numerusform>%Ln new field: %1.</numerusform>
            <numerusform>%Ln new fields: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln looks like an agreement already recorded (same signing date and parties, a title near in wording) and will be added anyway:</source>
        <translation>
            <numerusform>%Ln looks like an agreement already recorded (same signing date and parties, a title near in wording) and will be added anyway:</numerusform>
            <numerusform>%Ln look like agreements already recorded (same signing date and parties, a title near in wording) and will be added anyway:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln looks like an agreement already recorded (same signing date and parties, a title near in wording) and will be skipped, unless you choose to keep them:</source>
        <translation>
            <numerusform>%Ln looks like an agreement already recorded (same signing date and parties, a title near in wording) and will be skipped, unless you choose to keep them:</numerusform>
            <numerusform>%Ln look like agreements already recorded (same signing date and parties, a title near in wording) and will be skipped, unless you choose to keep them:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message numerus="yes">
        <source>%1 is too long: %n characters, %2 once folded for search (the limit is %3)</source>
        <translation>
            <numerusform>%1 is too long: %n characters, %2 once folded for search (the limit is %3)</numerusform>
            <numerusform>%1 is too long: %n characters, %2 once folded for search (the limit is %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>too long: %n characters, %1 once folded for search (the limit is %2)</source>
        <translation>
            <numerusform>too long: %n characters, %1 once folded for search (the limit is %2)</numerusform>
            <numerusform>too long: %n characters, %1 once folded for search (the limit is %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is too long: %n characters (the limit is %2)</source>
        <translation>
            <numerusform>%1 is too long: %n characters (the limit is %2)</numerusform>
            <numerusform>%1 is too long: %n characters (the limit is %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>too long: %n characters (the limit is %1)</source>
        <translation>
            <numerusform>too long: %n characters (the limit is %1)</numerusform>
            <numerusform>too long: %n characters (the limit is %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocaleText</name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Reading %Ln agreement(s)…</source>
        <translation>
            <numerusform>Reading %Ln agreement…</numerusform>
            <numerusform>Reading %Ln agreements…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %Ln agreement(s)</source>
        <translation>
            <numerusform>Showing %1 of %Ln agreement</numerusform>
            <numerusform>Showing %1 of %Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate: the copy keeps the parties but not their dated acts (%Ln act(s)); a new agreement&apos;s signatures and ratifications are its own.</source>
        <translation>
            <numerusform>Duplicate: the copy keeps the parties but not their dated acts (%Ln act); a new agreement&apos;s signatures and ratifications are its own.</numerusform>
            <numerusform>Duplicate: the copy keeps the parties but not their dated acts (%Ln acts); a new agreement&apos;s signatures and ratifications are its own.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln agreement(s).</source>
        <translation>
            <numerusform>Changed %Ln agreement.</numerusform>
            <numerusform>Changed %Ln agreements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n other fact(s) the same on both sides (or empty).</source>
        <translation>
            <numerusform>%n other fact is the same on both sides (or empty).</numerusform>
            <numerusform>%n other facts are the same on both sides (or empty).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>%Ln backup(s) in %1</source>
        <translation>
            <numerusform>%Ln backup in %1</numerusform>
            <numerusform>%Ln backups in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s)</source>
        <translation>
            <numerusform>%Ln agreement</numerusform>
            <numerusform>%Ln agreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPrinter</name>
    <message numerus="yes">
        <source>%Ln agreement(s).</source>
        <translation>
            <numerusform>%Ln agreement.</numerusform>
            <numerusform>%Ln agreements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more: Export PDF writes every one.</source>
        <translation>
            <numerusform>… and %Ln more: Export PDF writes every one.</numerusform>
            <numerusform>… and %Ln more: Export PDF writes every one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent the summary of %Ln agreement(s) to the printer.</source>
        <translation>
            <numerusform>Sent the summary of %Ln agreement to the printer.</numerusform>
            <numerusform>Sent the summary of %Ln agreements to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message numerus="yes">
        <source>Imported %Ln agreement(s)</source>
        <translation>
            <numerusform>Imported %Ln agreement</numerusform>
            <numerusform>Imported %Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>updated %Ln</source>
        <translation>
            <numerusform>updated %Ln</numerusform>
            <numerusform>updated %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln already recorded</source>
        <translation>
            <numerusform>skipped %Ln already recorded</numerusform>
            <numerusform>skipped %Ln already recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln repeated in the file</source>
        <translation>
            <numerusform>skipped %Ln repeated in the file</numerusform>
            <numerusform>skipped %Ln repeated in the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new part(ies)</source>
        <translation>
            <numerusform>%Ln new party</numerusform>
            <numerusform>%Ln new parties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new field(s)</source>
        <translation>
            <numerusform>%Ln new field</numerusform>
            <numerusform>%Ln new fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was not imported: nothing was changed. Fix the %Ln problem(s) below and import it again.</source>
        <translation>
            <numerusform>%1 was not imported: nothing was changed. Fix this problem and import it again.</numerusform>
            <numerusform>%1 was not imported: nothing was changed. Fix these %Ln problems and import it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln agreement(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln agreement to %1</numerusform>
            <numerusform>Exported %Ln agreements to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The PDF of %Ln agreement(s) will have about %1 pages and take a while to write. Make it?</source>
        <translation>
            <numerusform>The PDF of %Ln agreement will have about %1 pages and take a while to write. Make it?</numerusform>
            <numerusform>The PDF of %Ln agreements will have about %1 pages and take a while to write. Make it?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreement(s)</source>
        <translation>
            <numerusform>%Ln agreement</numerusform>
            <numerusform>%Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %Ln agreement(s) matching the filter</source>
        <translation>
            <numerusform>the agreement matching the filter</numerusform>
            <numerusform>the %Ln agreements matching the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export the %Ln selected agreement(s), or all %1 that match the filter?</source>
        <translation>
            <numerusform>Export the %Ln selected agreement, or all %1 that match the filter?</numerusform>
            <numerusform>Export the %Ln selected agreements, or all %1 that match the filter?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export a PDF of the %Ln selected agreement(s), or of all %1 that match the filter?</source>
        <translation>
            <numerusform>Export a PDF of the %Ln selected agreement, or of all %1 that match the filter?</numerusform>
            <numerusform>Export a PDF of the %Ln selected agreements, or of all %1 that match the filter?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Print the %Ln selected agreement(s), or all %1 that match the filter?</source>
        <translation>
            <numerusform>Print the %Ln selected agreement, or all %1 that match the filter?</numerusform>
            <numerusform>Print the %Ln selected agreements, or all %1 that match the filter?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %Ln selected agreement(s)</source>
        <translation>
            <numerusform>the %Ln selected agreement</numerusform>
            <numerusform>the %Ln selected agreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message numerus="yes">
        <source>The trash is empty. Agreements you delete (Del, or Edit › Delete) wait here %n day(s) before they go for good; Restore brings one back whole.</source>
        <translation>
            <numerusform>The trash is empty. Agreements you delete (Del, or Edit › Delete) wait here %n day before they go for good; Restore brings one back whole.</numerusform>
            <numerusform>The trash is empty. Agreements you delete (Del, or Edit › Delete) wait here %n days before they go for good; Restore brings one back whole.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They are kept %n day(s), then deleted for good; Restore brings them back with their id, parties, fields and relations.</source>
        <translation>
            <numerusform>They are kept %n day, then deleted for good; Restore brings them back with their id, parties, fields and relations.</numerusform>
            <numerusform>They are kept %n days, then deleted for good; Restore brings them back with their id, parties, fields and relations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted agreement(s).</source>
        <translation>
            <numerusform>%Ln deleted agreement.</numerusform>
            <numerusform>%Ln deleted agreements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %Ln agreement(s) in the trash for good? This can&apos;t be undone.</source>
        <translation>
            <numerusform>Delete the %Ln agreement in the trash for good? This can&apos;t be undone.</numerusform>
            <numerusform>Delete the %Ln agreements in the trash for good? This can&apos;t be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln agreement(s) for good.</source>
        <translation>
            <numerusform>Deleted %Ln agreement for good.</numerusform>
            <numerusform>Deleted %Ln agreements for good.</numerusform>
        </translation>
    </message>
</context>
</TS>
