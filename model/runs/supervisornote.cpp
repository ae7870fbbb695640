#include "runs/supervisornote.h"

#include "runs/runfolder.h"
#include "store/storagemedium.h"
#include "store/workspace.h"

#include <QFile>

namespace mlwb {

namespace {
const qint64 noteBytes = 4096; // one page: a note never needs more
}

SupervisorNote::SupervisorNote(const QString &path)
    : m_path(path)
{}

bool SupervisorNote::reserve()
{
    QFile file(m_path);
    return file.open(QIODevice::WriteOnly)
           && storage::writeAll(file, QByteArray(noteBytes, ' '), nullptr);
}

bool SupervisorNote::set(const QString &text)
{
    // Overwritten, never truncated: the padding keeps the room reserved.
    QByteArray bytes = text.toUtf8().left(noteBytes - 1) + '\n';
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    bytes.append(QByteArray(qMax<qint64>(0, file.size() - bytes.size()), ' '));
    return storage::writeAll(file, bytes, nullptr);
}

QString SupervisorNote::text() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.read(noteBytes)).trimmed();
}

QString SupervisorNote::of(const Workspace &workspace, const Run &run)
{
    if (isFinal(run.status))
        return {};
    return SupervisorNote(RunFolder(workspace.folder(Workspace::Folder::Runs), run.uid).noteFile())
        .text();
}

} // namespace mlwb
