<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>&apos;%1&apos; has %n unfinished run(s); cancel them first.</source>
        <translation>
            <numerusform>&apos;%1&apos; has %n unfinished run; cancel them first.</numerusform>
            <numerusform>&apos;%1&apos; has %n unfinished runs; cancel them first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunSubmitter</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotLeftOut</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) pointing outside the project</source>
        <translation>
            <numerusform>%n link pointing outside the project</numerusform>
            <numerusform>%n links pointing outside the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) that are not files, folders or links</source>
        <translation>
            <numerusform>%n item that are not files, folders or links</numerusform>
            <numerusform>%n items that are not files, folders or links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) whose top-level name ends in a backslash, which zip readers take for a folder</source>
        <translation>
            <numerusform>%n file whose top-level name ends in a backslash, which zip readers take for a folder</numerusform>
            <numerusform>%n files whose top-level name ends in a backslash, which zip readers take for a folder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::BasePage</name>
    <message numerus="yes">
        <source>%1/%2, %3 in %n layer(s), Python %4</source>
        <translation>
            <numerusform>%1/%2, %3 in %n layer, Python %4</numerusform>
            <numerusform>%1/%2, %3 in %n layers, Python %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The wheel folder adds %n wheel(s) as a layer: %1.</source>
        <translation>
            <numerusform>The wheel folder adds %n wheel as a layer: %1.</numerusform>
            <numerusform>The wheel folder adds %n wheels as a layer: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::DeploymentPage</name>
    <message numerus="yes">
        <source>(restarted %n time(s) after a crash)</source>
        <translation>
            <numerusform>(restarted %n time after a crash)</numerusform>
            <numerusform>(restarted %n times after a crash)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::DocumentArea</name>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation>
            <numerusform>Compare %n run</numerusform>
            <numerusform>Compare %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::FindBar</name>
    <message numerus="yes">
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>Replaced %n occurrence</numerusform>
            <numerusform>Replaced %n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::LocalTargetDialog</name>
    <message numerus="yes">
        <source>one per core (%n)</source>
        <translation>
            <numerusform>one per core (%n)</numerusform>
            <numerusform>one per core (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::MainWindow</name>
    <message numerus="yes">
        <source>Reattached to %n unfinished run(s).</source>
        <translation>
            <numerusform>Reattached to %n unfinished run.</numerusform>
            <numerusform>Reattached to %n unfinished runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reattached to %n deployment(s).</source>
        <translation>
            <numerusform>Reattached to %n deployment.</numerusform>
            <numerusform>Reattached to %n deployments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started the proxy of %n endpoint(s) again.</source>
        <translation>
            <numerusform>Started the proxy of %n endpoint again.</numerusform>
            <numerusform>Started the proxy of %n endpoints again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::RunGroupsModel</name>
    <message numerus="yes">
        <source>%1 = %2 (%n run(s))</source>
        <translation>
            <numerusform>%1 = %2 (%n run)</numerusform>
            <numerusform>%1 = %2 (%n runs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean %1 · min %2 · max %3 of %n run(s)</source>
        <translation>
            <numerusform>mean %1 · min %2 · max %3 of %n run</numerusform>
            <numerusform>mean %1 · min %2 · max %3 of %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::SummaryPage</name>
    <message numerus="yes">
        <source>%n file(s), %1 in all. Version digest (SHA-256 of the manifest): %2</source>
        <translation>
            <numerusform>%n file, %1 in all. Version digest (SHA-256 of the manifest): %2</numerusform>
            <numerusform>%n files, %1 in all. Version digest (SHA-256 of the manifest): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::WorkspaceActions</name>
    <message numerus="yes">
        <source>Delete the experiment &apos;%1&apos; with its %n run(s), their metrics and %2 in %3 file(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the experiment &apos;%1&apos; with its %n run, their metrics and %2 in %3 file? This cannot be undone.</numerusform>
            <numerusform>Delete the experiment &apos;%1&apos; with its %n runs, their metrics and %2 in %3 files? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the run &apos;%1&apos; with its metrics and %2 in %n file(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the run &apos;%1&apos; with its metrics and %2 in %n file? This cannot be undone.</numerusform>
            <numerusform>Delete the run &apos;%1&apos; with its metrics and %2 in %n files? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::cli</name>
    <message numerus="yes">
        <source>Deleted the experiment &apos;%1&apos; and its %n run(s).</source>
        <translation>
            <numerusform>Deleted the experiment &apos;%1&apos; and its %n run.</numerusform>
            <numerusform>Deleted the experiment &apos;%1&apos; and its %n runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in %1.</source>
        <translation>
            <numerusform>%n problem found in %1.</numerusform>
            <numerusform>%n problems found in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted run %1 and its %n file(s).</source>
        <translation>
            <numerusform>Deleted run %1 and its %n file.</numerusform>
            <numerusform>Deleted run %1 and its %n files.</numerusform>
        </translation>
    </message>
</context>
</TS>
