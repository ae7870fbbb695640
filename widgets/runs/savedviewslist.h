#pragma once

#include <QJsonObject>
#include <QWidget>

class QListWidget;

namespace mlwb {

class Workspace;

/// The workspace's saved views: open one (its spec goes to whoever shows
/// it, see ComparisonTab::applyViewSpec) or delete it.
class SavedViewsList : public QWidget
{
    Q_OBJECT
public:
    explicit SavedViewsList(const Workspace &workspace, QWidget *parent = nullptr);

    /// Reads the list again; false with *error when the store cannot.
    bool reload(QString *error);
    QStringList names() const;
    /// Emits openRequested for the named view.
    bool open(const QString &name, QString *error);
    bool remove(const QString &name, QString *error);

Q_SIGNALS:
    void openRequested(const QString &name, const QJsonObject &spec);

private:
    QString currentName() const;
    void openCurrent();
    void removeCurrent();

    const Workspace &m_workspace;
    QListWidget *m_list = nullptr;
};

} // namespace mlwb
