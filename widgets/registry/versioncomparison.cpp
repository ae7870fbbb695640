#include "registry/versioncomparison.h"

#include "items/runstablemodel.h"
#include "runs/runstableview.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mlwb {

VersionComparison::VersionComparison(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_versions(new QTreeWidget)
    , m_note(new QLabel)
    , m_runs(new RunsTableView(workspace))
{
    setObjectName(QStringLiteral("versionComparison"));
    m_versions->setObjectName(QStringLiteral("comparedVersions"));
    m_versions->setRootIsDecorated(false);
    m_versions->setHeaderLabels(
        {tr("Version"), tr("Aliases"), tr("Framework"), tr("Source run"), tr("Size")});
    m_versions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_note->setObjectName(QStringLiteral("comparisonNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_versions);
    splitter->addWidget(m_runs);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({120, 600});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(splitter, 1);
    connect(m_runs, &RunsTableView::compareRequested, this, &VersionComparison::compareRequested);
    connect(m_runs, &RunsTableView::openRunRequested, this, &VersionComparison::openRunRequested);
}

bool VersionComparison::setVersions(const QList<ModelVersion> &versions, QString *error)
{
    if (versions.size() < 2) {
        *error = tr("Select two or more versions of one model to compare.");
        return false;
    }
    for (const ModelVersion &v : versions) {
        if (v.modelId != versions.first().modelId) {
            *error = tr("Versions of different models cannot be compared: %1 and %2.")
                         .arg(versions.first().modelName, v.modelName);
            return false;
        }
    }
    m_versions->clear();
    QList<Id> runIds;
    QStringList uploaded;
    for (const ModelVersion &v : versions) {
        QString run = tr("uploaded");
        if (v.runId != 0) {
            const auto r = Runs(m_workspace).find(v.runId, error);
            run = r ? r->uid : tr("run %1 (deleted)").arg(v.runId);
            runIds << v.runId;
        } else {
            uploaded << QString::number(v.version);
        }
        auto *item = new QTreeWidgetItem(
            m_versions, {QString::number(v.version), v.aliases.join(QLatin1String(", ")),
                         v.framework, run, QLocale().formattedDataSize(v.size)});
        item->setData(0, Qt::UserRole, v.runId);
    }
    m_note->setText(uploaded.isEmpty() ? QString()
                                       : tr("Version(s) %1 were uploaded from disk: no run to "
                                            "compare parameters and metrics of.")
                                             .arg(uploaded.join(QLatin1String(", "))));
    m_note->setVisible(!uploaded.isEmpty());
    QStringList numbers;
    for (const ModelVersion &v : versions)
        numbers << QString::number(v.version);
    m_title =
        tr("Compare %1 %2").arg(versions.first().modelName, numbers.join(QLatin1String(", ")));
    // No run at all would show every run: a list of none stays empty instead.
    if (!m_runs->setRuns(runIds.isEmpty() ? QList<Id>{-1} : runIds, error))
        return false;
    // What differs between versions are parameters and metrics: the run
    // fields that say where and when are hidden here (the Columns menu shows them).
    static const QStringList where{QStringLiteral("experiment"), QStringLiteral("status"),
                                   QStringLiteral("started"), QStringLiteral("target"),
                                   QStringLiteral("created")};
    for (int c = 0; c < m_runs->model()->columnCount(); ++c)
        if (where.contains(m_runs->model()->columnKey(c)))
            m_runs->table()->setColumnHidden(c, true);
    return true;
}

} // namespace mlwb
