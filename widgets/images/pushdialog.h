#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

namespace mlwb {

/// Asks where to push an image: REGISTRY/REPO:TAG and whether to verify
/// the registry's TLS certificate.
class PushDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PushDialog(const QString &imageRef, QWidget *parent = nullptr);

    QString destination() const;
    bool tlsVerify() const;

private:
    QLineEdit *m_destination;
    QCheckBox *m_tlsVerify;
    QDialogButtonBox *m_buttons;
};

} // namespace mlwb
