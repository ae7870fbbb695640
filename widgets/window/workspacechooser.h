#pragma once

#include <QCoreApplication>
#include <QString>
#include <memory>

class QWidget;

namespace mlwb {

class Workspace;

/// The dialogs around picking a workspace: a new one in an empty folder, an
/// existing one, and what to offer when a workspace cannot be opened.
class WorkspaceChooser
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceChooser)

public:
    /// Asks for an empty folder and creates a workspace there; null when the
    /// user canceled. A failure is shown to the user and then asked again.
    static std::unique_ptr<Workspace> createNew(QWidget *parent);
    /// Asks for a workspace folder and opens it; null when canceled. Failures
    /// are shown and asked again.
    static std::unique_ptr<Workspace> openExisting(QWidget *parent);
    /// Says why `path` could not be opened and offers New, Open or Quit;
    /// null when the user chose Quit.
    static std::unique_ptr<Workspace> recover(QWidget *parent, const QString &path,
                                              const QString &error);
};

} // namespace mlwb
