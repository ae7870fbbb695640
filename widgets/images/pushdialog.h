#pragma once

#include "oci/registryauth.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

namespace mlwb {

/// Asks where to push an image: REGISTRY/REPO:TAG, whether to verify the
/// registry's TLS certificate, and optionally a user and password, used
/// for this push only (never stored) instead of the login files.
class PushDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PushDialog(const QString &imageRef, QWidget *parent = nullptr);

    QString destination() const;
    bool tlsVerify() const;
    /// What was typed; empty: the credentials podman/docker login wrote.
    oci::RegistryCredentials credentials() const;
    void setCredentials(const QString &user, const QString &password);

private:
    QLineEdit *m_destination;
    QCheckBox *m_tlsVerify;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QDialogButtonBox *m_buttons;
};

} // namespace mlwb
