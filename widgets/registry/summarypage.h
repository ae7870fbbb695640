#pragma once

#include "registry/manifest.h"

#include <QWizardPage>
#include <atomic>
#include <memory>

class QLabel;
class QTreeWidget;

namespace mlwb {

class IdentityPage;
class SourcePage;
class Workspace;

/// The Register Model wizard's last page: what will be stored (every file
/// with its size and sha256, the total and the version's digest, hashed on
/// a worker thread while the page is shown) and the lineage it will record.
class SummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    SummaryPage(const Workspace &workspace, const SourcePage *source, const IdentityPage *identity,
                QWidget *parent = nullptr);
    ~SummaryPage() override;

    /// The version's digest once hashed (the manifest's, as the registry
    /// stores it), else empty.
    QString digest() const { return m_digest; }

    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;

Q_SIGNALS:
    /// The files are hashed and shown.
    void hashed();

private:
    void hashInBackground(const QString &path);
    void showManifest(const Manifest &manifest, const QString &error);
    QString lineageText() const;
    void stopHashing();

    const Workspace &m_workspace;
    const SourcePage *m_source;
    const IdentityPage *m_identity;
    QString m_digest;
    std::shared_ptr<std::atomic_bool> m_stop; // tells the worker of the shown page to give up
    QLabel *m_what;
    QLabel *m_lineage;
    QTreeWidget *m_files;
    QLabel *m_total;
    QLabel *m_message;
};

} // namespace mlwb
