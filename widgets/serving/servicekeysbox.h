#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mlwb {

class Workspace;

/// A deployment's primary and secondary key, hidden until Show is pressed,
/// each with Copy and Regenerate (after a confirmation). A deployment
/// without authentication says so instead.
class ServiceKeysBox : public QWidget
{
    Q_OBJECT
public:
    /// `workspace` must outlive the box.
    ServiceKeysBox(const Workspace &workspace, const QString &deployment, bool keyAuth,
                   QWidget *parent = nullptr);

    bool keysShown() const;
    QString primaryKey() const { return m_primary; }
    /// What the two fields show (dots while hidden).
    QString shownText(int which) const;
    QString lastError() const { return m_error; }

public Q_SLOTS:
    void setKeysShown(bool shown);
    /// Re-reads the keys from where they are kept.
    bool reload();
    /// Regenerates "primary" or "secondary" without asking (the buttons ask).
    bool regenerate(const QString &which);

Q_SIGNALS:
    /// The primary key changed (the console sends it).
    void primaryKeyChanged(const QString &key);

private:
    QWidget *keyRow(const QString &which, QLineEdit **field);
    void confirmRegenerate(const QString &which);
    void setError(const QString &message);

    const Workspace &m_workspace;
    QString m_deployment;
    QString m_primary, m_secondary, m_error;
    QLineEdit *m_primaryField = nullptr;
    QLineEdit *m_secondaryField = nullptr;
    QPushButton *m_show = nullptr;
    QLabel *m_note;
};

} // namespace mlwb
