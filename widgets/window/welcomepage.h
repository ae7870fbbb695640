#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace mlwb {

class TaxonomyModel;
class Workspace;

/// The tab shown while no document is open: which workspace this is, what
/// it holds, its latest runs (to continue where one left off), and the next
/// sensible step.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /// Shows `workspace` (not owned) with the counts `model` keeps current.
    void setWorkspace(const Workspace *workspace, const TaxonomyModel *model);
    /// Re-reads the counts.
    void refresh();
    QString text() const;

Q_SIGNALS:
    /// "Open the Sample Project" was clicked.
    void sampleRequested(const QString &folder);
    /// A recent run's link was clicked.
    void runRequested(qint64 runId);

private:
    QString sampleFolder() const;
    QString recentRuns(int *total) const;
    QString nextStep(int runCount, bool hasSample) const;

    const Workspace *m_workspace = nullptr;
    const TaxonomyModel *m_model = nullptr;
    QLabel *m_heading;
    QLabel *m_body;
    QPushButton *m_sampleButton;
};

} // namespace mlwb
