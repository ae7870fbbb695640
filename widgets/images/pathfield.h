#pragma once

#include <QWidget>

class QLineEdit;

namespace mlwb {

/// A path typed or picked with Browse…: a file or a folder. Empty means
/// "none" for the optional inputs of the Build Image wizard.
class PathField : public QWidget
{
    Q_OBJECT
public:
    enum Kind { File, Folder };
    PathField(Kind kind, const QString &dialogTitle, const QString &filter = QString(),
              QWidget *parent = nullptr);

    /// The absolute path, or empty.
    QString path() const;
    void setPath(const QString &path);
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void pathChanged();

private:
    Kind m_kind;
    QString m_title;
    QString m_filter;
    QLineEdit *m_edit;
};

} // namespace mlwb
