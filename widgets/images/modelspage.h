#pragma once

#include "store/types.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;

namespace mlwb {

class Workspace;

/// Build Image, page 1: the model versions the image serves, from a list
/// that a search box narrows. At least one must be ticked.
class ModelsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ModelsPage(const Workspace &workspace, QWidget *parent = nullptr);

    /// Ticks the version (started from its page or the tree).
    void preselect(Id versionId);
    /// "NAME:VERSION" of each ticked version.
    QStringList models() const;
    QListWidget *list() const { return m_list; }
    bool isComplete() const override;

private:
    void filter(const QString &text);

    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_message;
};

} // namespace mlwb
