#include "snapshots/snapshotleftout.h"

namespace mlwb {

namespace {

// A summary names this many links or entries, then says how many more.
constexpr int NamedItems = 5;

} // namespace

void SnapshotLeftOut::addOutsideLink(const QString &path, const QString &target)
{
    m_links.append({path, target});
}

void SnapshotLeftOut::addIgnored(const QString &source, bool isFolder)
{
    Ignored &count = m_ignored[source];
    ++(isFolder ? count.folders : count.files);
}

void SnapshotLeftOut::addSpecial(const QString &path)
{
    m_special.append(path);
}

void SnapshotLeftOut::addUnstorable(const QString &path)
{
    m_unstorable.append(path);
}

bool SnapshotLeftOut::isEmpty() const
{
    return m_links.isEmpty() && m_ignored.isEmpty() && m_special.isEmpty()
           && m_unstorable.isEmpty();
}

QString SnapshotLeftOut::names(const QStringList &items)
{
    QStringList shown = items.mid(0, NamedItems);
    if (items.size() > NamedItems)
        shown.append(tr("%n more", nullptr, int(items.size() - NamedItems)));
    return shown.join(QStringLiteral(", "));
}

QString SnapshotLeftOut::summary() const
{
    if (isEmpty())
        return QString();
    QStringList parts;
    if (!m_links.isEmpty()) {
        QStringList links;
        for (const auto &link : m_links)
            links.append(link.first + QStringLiteral(" -> ") + link.second);
        parts.append(tr("%n link(s) pointing outside the project", nullptr, int(m_links.size()))
                     + QStringLiteral(" (") + names(links) + u')');
    }
    for (auto it = m_ignored.cbegin(); it != m_ignored.cend(); ++it) {
        const QString files = tr("%n file(s)", nullptr, it->files);
        const QString folders = tr("%n folder(s)", nullptr, it->folders);
        const QString what = it->folders == 0 ? files
                             : it->files == 0 ? folders
                                              : tr("%1 and %2").arg(files, folders);
        parts.append(tr("%1 ignored by %2").arg(what, it.key()));
    }
    if (!m_special.isEmpty())
        parts.append(
            tr("%n item(s) that are not files, folders or links", nullptr, int(m_special.size()))
            + QStringLiteral(" (") + names(m_special) + u')');
    if (!m_unstorable.isEmpty())
        parts.append(tr("%n file(s) whose top-level name ends in a backslash, which zip readers "
                        "take for a folder",
                        nullptr, int(m_unstorable.size()))
                     + QStringLiteral(" (") + names(m_unstorable) + u')');
    return tr("Left out of the snapshot: %1.").arg(parts.join(QStringLiteral(", ")));
}

} // namespace mlwb
