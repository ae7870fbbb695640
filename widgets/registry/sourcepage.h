#pragma once

#include "store/types.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QTreeWidget;

namespace mlwb {

class Workspace;

/// The Register Model wizard's first page: what to register. Either a run
/// (picked from a searchable list) and a file or folder of its outputs, or
/// a file or folder on disk. The reason Next is refused is shown on the page.
class SourcePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SourcePage(const Workspace &workspace, QWidget *parent = nullptr);

    /// Starts on this run's outputs, `outputPath` ("outputs/REL") selected
    /// when given and present.
    void preselect(Id runId, const QString &outputPath);
    bool fromRun() const;
    /// The run picked, when registering from a run.
    std::optional<Run> run() const { return m_run; }
    /// What the registry is asked for: "outputs/REL" for a run, else the
    /// absolute path on disk.
    QString requestPath() const;
    /// Where the files are on disk now (a run's outputs folder, or the path).
    QString localPath() const;

    bool isComplete() const override;
    bool validatePage() override;

private:
    QWidget *createRunPart();
    QWidget *createDiskPart();
    void loadRuns(Id include);
    void filterRuns();
    void showRun();
    void fillOutputs(const QString &folder);
    void browse(bool folder);
    void updateState();
    QString outputsFolder() const;

    const Workspace &m_workspace;
    std::optional<Run> m_run;
    QRadioButton *m_fromRun;
    QRadioButton *m_fromDisk;
    QWidget *m_runPart;
    QWidget *m_diskPart;
    QLineEdit *m_runFilter;
    QListWidget *m_runs;
    QTreeWidget *m_outputs;
    QLineEdit *m_diskPath;
    QLabel *m_message;
};

} // namespace mlwb
