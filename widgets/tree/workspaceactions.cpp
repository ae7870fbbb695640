#include "tree/workspaceactions.h"

#include "items/taxonomyitem.h"
#include "runs/rundeletion.h"
#include "store/datastores.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>

namespace mlwb {

WorkspaceActions::WorkspaceActions(Workspace *workspace, QWidget *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_parent(parent)
{}

bool WorkspaceActions::confirm(const QString &title, const QString &text)
{
    return QMessageBox::question(m_parent, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
           == QMessageBox::Yes;
}

void WorkspaceActions::fail(const QString &title, const QString &error)
{
    QMessageBox::warning(m_parent, title, error);
}

void WorkspaceActions::newExperiment()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_parent, tr("New Experiment"), tr("Name of the experiment:"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    Experiment e;
    e.name = name.trimmed();
    QString error;
    if (!Experiments(*m_workspace).create(&e, &error))
        fail(tr("New Experiment"), error);
}

void WorkspaceActions::deleteExperiment(const QString &name)
{
    QString error;
    const auto experiment = Experiments(*m_workspace).find(name, &error);
    if (!experiment)
        return fail(tr("Delete Experiment"), error);
    const QList<Run> runs = Runs(*m_workspace).list(experiment->id, 0, 0, 1 << 30, &error);
    const RunFiles files = RunDeletion(*m_workspace).count(runs);
    const QString text =
        tr("Delete the experiment '%1' with its %n run(s), their metrics and %2 in %3 file(s)? "
           "This cannot be undone.",
           nullptr, files.runs)
            .arg(name, QLocale().formattedDataSize(files.bytes))
            .arg(files.files);
    if (!confirm(tr("Delete Experiment"), text))
        return;
    if (!RunDeletion(*m_workspace).removeExperiment(name, nullptr, &error))
        fail(tr("Delete Experiment"), error);
}

QString WorkspaceActions::deleteRunQuestion(const Run &run) const
{
    const RunFiles files = RunDeletion(*m_workspace).count({run});
    return tr("Delete the run '%1' with its metrics and %2 in %n file(s)? This cannot be undone.",
              nullptr, int(files.files))
        .arg(run.displayName.isEmpty() ? run.uid : run.displayName,
             QLocale().formattedDataSize(files.bytes));
}

void WorkspaceActions::deleteRun(Id runId)
{
    QString error;
    const auto run = Runs(*m_workspace).find(runId, &error);
    if (!run)
        return fail(tr("Delete Run"), error);
    if (!confirm(tr("Delete Run"), deleteRunQuestion(*run)))
        return;
    if (!RunDeletion(*m_workspace).remove(*run, &error))
        fail(tr("Delete Run"), error);
}

void WorkspaceActions::addDatastore()
{
    const QString folder = QFileDialog::getExistingDirectory(m_parent, tr("Add Datastore"));
    if (folder.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_parent, tr("Add Datastore"), tr("Name of the datastore:"),
                              QLineEdit::Normal, QFileInfo(folder).fileName(), &ok);
    if (!ok)
        return;
    Datastore store;
    store.name = name.trimmed();
    store.kind = QStringLiteral("folder");
    store.path = folder;
    QString error;
    if (!Datastores(*m_workspace).add(&store, &error))
        fail(tr("Add Datastore"), error);
}

void WorkspaceActions::removeDatastore(const QString &name)
{
    if (!confirm(tr("Remove Datastore"),
                 tr("Remove the datastore '%1' from the workspace? Its files stay where they "
                    "are.")
                     .arg(name)))
        return;
    QString error;
    if (!Datastores(*m_workspace).remove(name, &error))
        fail(tr("Remove Datastore"), error);
}

void WorkspaceActions::explainGroup(int group)
{
    QString title, text;
    switch (Group(group)) {
    case Group::Images:
        title = tr("Images");
        text = tr("An image bundles registered models, a scoring script and an environment into "
                  "a container image that web services are deployed from. Build one from a model "
                  "version:\n\nmlwb image build NAME --model MODEL:VERSION --scoring-script "
                  "score.py --base oci-archive:base.tar");
        break;
    case Group::Deployments:
        title = tr("Deployments");
        text = tr("A deployment serves a model as a web service that answers scoring "
                  "requests:\n\nmlwb service deploy NAME --model MODEL:VERSION "
                  "--scoring-script score.py");
        break;
    case Group::Pipelines:
        title = tr("Pipelines");
        text = tr("A pipeline runs several steps, each a run, in order. Pipelines are listed "
                  "here once made:\n\nmlwb pipeline list");
        break;
    case Group::Environments:
        title = tr("Environments");
        text = tr("An environment is the Python and the packages a run or a model needs, from a "
                  "conda YAML or a requirements.txt. Runs record theirs by "
                  "themselves:\n\nmlwb environment create NAME --file requirements.txt");
        break;
    default:
        return;
    }
    QMessageBox::information(m_parent, title, text);
}

} // namespace mlwb
