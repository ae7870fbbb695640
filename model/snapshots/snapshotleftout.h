#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mlwb {

/// What a snapshot left out of the project and why, so that `run submit` and
/// the Tasks panel can say it: links pointing outside the project, files
/// and folders ignored by each ignore file, entries that are neither
/// files, folders nor links, and names a zip cannot hold. `.git/` is always left out and not
/// counted.
class SnapshotLeftOut
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotLeftOut)

public:
    struct Ignored {
        int files = 0;
        int folders = 0;
    };

    void addOutsideLink(const QString &path, const QString &target);
    /// `source` is the ignore file that decided, e.g. ".gitignore" or "sub/.amlignore".
    void addIgnored(const QString &source, bool isFolder);
    void addSpecial(const QString &path);
    /// A top-level name ending in a backslash: zip readers (libarchive among
    /// them) take it for a Windows folder name, so it cannot round-trip.
    void addUnstorable(const QString &path);

    bool isEmpty() const;
    const QList<QPair<QString, QString>> &outsideLinks() const { return m_links; }
    const QMap<QString, Ignored> &ignored() const { return m_ignored; }
    const QStringList &special() const { return m_special; }
    const QStringList &unstorable() const { return m_unstorable; }

    /// One line for the user, e.g. "Left out of the snapshot: 2 links pointing
    /// outside the project (a -> /etc/passwd, b -> ../x), 37 files ignored by
    /// .gitignore." Empty when nothing was left out.
    QString summary() const;

private:
    static QString names(const QStringList &items);

    QList<QPair<QString, QString>> m_links;
    QMap<QString, Ignored> m_ignored;
    QStringList m_special;
    QStringList m_unstorable;
};

} // namespace mlwb
