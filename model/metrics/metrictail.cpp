#include "metrics/metrictail.h"

#include "metrics/metriclineparser.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mlwb {

namespace {

constexpr qint64 kChunkSize = 1 << 20;
constexpr qsizetype kHeadBytes = 256;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString tooLong(qsizetype limit)
{
    return MetricTail::tr("line is longer than %1 bytes").arg(limit);
}

QString fileKind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return MetricTail::tr("a named pipe (FIFO)");
    if (S_ISDIR(mode))
        return MetricTail::tr("a folder");
    if (S_ISSOCK(mode))
        return MetricTail::tr("a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return MetricTail::tr("a device");
    return MetricTail::tr("not a regular file");
}

// The bytes [offset, offset + size) of the file, or fewer at its end.
QByteArray readAt(QFile &file, qint64 offset, qint64 size)
{
    if (!file.seek(offset))
        return QByteArray();
    return file.read(size);
}

// Text cut at a byte count may end inside a UTF-8 sequence: drops its start.
QByteArrayView withoutCutCharacter(QByteArrayView text)
{
    for (qsizetype back = 1; back <= qMin<qsizetype>(4, text.size()); ++back) {
        const auto byte = static_cast<unsigned char>(text[text.size() - back]);
        if ((byte & 0xc0) == 0x80)
            continue; // a continuation byte: look further back
        const qsizetype needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        return needed > back ? text.chopped(back) : text;
    }
    return text;
}

} // namespace

QString MetricTail::Line::raw() const
{
    QByteArrayView text = QByteArrayView(bytes).sliced(start, size);
    if (text.size() > kRawBytes)
        text = text.first(kRawBytes);
    const bool cut = text.size() < length;
    if (!cut)
        return QString::fromUtf8(text);
    return tr("%1… [cut; the line has %2 bytes]")
        .arg(QString::fromUtf8(withoutCutCharacter(text)))
        .arg(length);
}

MetricTail::MetricTail(const QString &path)
    : m_path(path)
{}

bool MetricTail::readAvailable(qint64 fromOffset, int maxLines, QList<Line> *out,
                               qint64 *nextOffset, QString *error)
{
    Q_ASSERT(out && nextOffset && fromOffset >= 0);
    *nextOffset = fromOffset;
    const Mark mark = markAt(fromOffset);
    QFile file;
    Mark now;
    QString why; // what the file is if not a regular one, or why it cannot be opened
    const Opened opened = open(file, &now, &why);
    if (opened != Opened::Yes)
        return noteUnopened(opened, mark, now, why, out, nextOffset);
    m_openError.clear();
    m_start = mark;
    qint64 base = startAt(file, now, out); // the file offset of m_buffer's first byte
    if (!file.seek(base))
        return fail(error, tr("Cannot read %1: %2").arg(m_path, file.errorString()));
    const bool ok = readLines(file, &base, maxLines > 0 ? maxLines : -1, out, error);
    now.offset = *nextOffset = base;
    now.line = m_lineNumber;
    m_end = now;
    return ok;
}

// A file that is missing, not a regular one or cannot be opened: a note,
// once; the next calls try again quietly.
bool MetricTail::noteUnopened(Opened opened, const Mark &mark, const Mark &now, const QString &why,
                              QList<Line> *out, qint64 *nextOffset)
{
    if (opened == Opened::Failed) {
        if (why != m_openError)
            addNote(why + QLatin1Char(' ') + tr("It is tried again while the run goes on."),
                    mark.offset, out);
        m_openError = why;
    } else if (opened == Opened::NotRegular) {
        if (!m_refused.known || m_refused.device != now.device || m_refused.inode != now.inode)
            addNote(tr("%1 is %2, not a regular file, so it is not read. Log metrics to a "
                       "regular file.")
                        .arg(m_path, why),
                    mark.offset, out);
        m_refused = now;
    } else if (mark.offset > 0) { // removed after some of it was read
        addNote(tr("%1 was removed after %2 bytes of it were read; a new one will be read "
                   "from its start.")
                    .arg(m_path)
                    .arg(mark.offset),
                mark.offset, out);
        m_start = mark;
        m_end = Mark{0, 1};
        *nextOffset = 0;
    }
    return true;
}

// Where reading starts: at m_start, or at 0 after a note if the file no
// longer goes on there. Sets the line number of the first line.
qint64 MetricTail::startAt(QFile &file, const Mark &now, QList<Line> *out)
{
    const qint64 offset = m_start.offset;
    const QString change = offset > 0 ? changeSince(file, now, m_start) : QString();
    if (!change.isEmpty()) {
        addNote(change + QLatin1Char(' ') + tr("It is read again from its start."), offset, out);
        m_lineNumber = 1;
        return 0;
    }
    if (!m_start.known) // from now on, a retry can tell this file from another
        m_start = Mark{offset, m_start.line, now.device, now.inode, true, now.head};
    if (offset == 0)
        m_start.line = 1;
    else if (m_start.line == 0)
        m_start.line = countLines(file, offset);
    m_lineNumber = m_start.line;
    return offset;
}

MetricTail::Mark MetricTail::markAt(qint64 offset) const
{
    if (offset == m_end.offset)
        return m_end; // the usual case: the last read was stored
    if (offset == m_start.offset)
        return m_start; // it was not stored, and is tried again
    Mark mark;
    mark.offset = offset;
    return mark;
}

// Opens without blocking (a FIFO would wait for a writer); *why names what
// a file that is not a regular one is, or why it cannot be opened.
MetricTail::Opened MetricTail::open(QFile &file, Mark *now, QString *why)
{
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return Opened::Missing; // the script has not logged anything yet
        fail(why, tr("Cannot open %1: %2").arg(m_path, QString::fromLocal8Bit(strerror(errno))));
        return Opened::Failed;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        fail(why, tr("Cannot open %1: %2").arg(m_path, QString::fromLocal8Bit(strerror(errno))));
        ::close(fd);
        return Opened::Failed;
    }
    now->device = quint64(st.st_dev), now->inode = quint64(st.st_ino), now->known = true;
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        *why = fileKind(st.st_mode);
        return Opened::NotRegular;
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        fail(why, tr("Cannot open %1: %2").arg(m_path, file.errorString()));
        return Opened::Failed;
    }
    now->head = readAt(file, 0, kHeadBytes);
    return Opened::Yes;
}

// Why the file no longer goes on at mark.offset as it did when the mark was
// taken; empty if it does. A file shortened and grown past the mark again
// between two reads is caught by its first bytes or its line starts.
QString MetricTail::changeSince(QFile &file, const Mark &now, const Mark &mark)
{
    const qint64 offset = mark.offset;
    if (mark.known && (now.device != mark.device || now.inode != mark.inode))
        return tr("%1 was replaced by a new file after %2 bytes of the old one were read.")
            .arg(m_path)
            .arg(offset);
    if (file.size() < offset)
        return tr("%1 was truncated to %2 bytes after %3 bytes of it were read.")
            .arg(m_path)
            .arg(file.size())
            .arg(offset);
    // A last line the writer left without its newline ends at the file's end.
    const bool lineStart = readAt(file, offset - 1, 1) == "\n" || offset == file.size();
    if (!now.head.startsWith(mark.head.first(qMin(mark.head.size(), now.head.size())))
        || !lineStart)
        return tr("%1 was rewritten after %2 bytes of it were read.").arg(m_path).arg(offset);
    return QString();
}

// The number of the line at offset: one more than the newlines before it.
qint64 MetricTail::countLines(QFile &file, qint64 offset)
{
    if (!file.seek(0))
        return 0;
    qint64 lines = 1;
    QByteArray chunk(kChunkSize, Qt::Uninitialized);
    for (qint64 left = offset; left > 0;) {
        const qint64 got = file.read(chunk.data(), qMin(left, kChunkSize));
        if (got <= 0)
            return 0;
        lines += QByteArrayView(chunk.constData(), got).count('\n');
        left -= got;
    }
    return lines;
}

void MetricTail::addNote(const QString &message, qint64 offset, QList<Line> *out)
{
    Line &note = out->emplaceBack();
    note.offset = offset;
    note.error = message;
    note.fileNote = true;
}

bool MetricTail::readLines(QFile &file, qint64 *base, int budget, QList<Line> *out, QString *error)
{
    m_buffer.resize(0);
    bool ok = true;
    while (ok && budget != 0) {
        const qsizetype kept = m_buffer.size();
        m_buffer.resize(kept + kChunkSize);
        const qint64 got = file.read(m_buffer.data() + kept, kChunkSize);
        m_buffer.resize(kept + qMax<qint64>(got, 0));
        if (got < 0)
            ok = fail(error, tr("Cannot read %1: %2").arg(m_path, file.errorString()));
        if (got == 0 && m_writerFinished && !m_buffer.isEmpty()) {
            appendLine(0, m_buffer.size(), *base, out); // the writer left it without a newline
            *base += m_buffer.size();
        }
        if (got <= 0)
            break; // what is left has no newline yet
        consume(kept, base, &budget, out);
        while (ok && budget != 0 && m_buffer.size() > m_maxLineLength) {
            const Skip skip = skipLongLine(file, base, &budget, out, error);
            if (skip != Skip::Done) {
                ok = skip == Skip::Incomplete;
                budget = 0;
            } else {
                consume(0, base, &budget, out);
            }
        }
    }
    m_buffer = QByteArray(); // the lines keep what they share of it
    return ok;
}

void MetricTail::consume(qsizetype scanFrom, qint64 *base, int *budget, QList<Line> *out)
{
    const qsizetype used = takeLines(scanFrom, *base, budget, out);
    m_buffer.remove(0, used);
    *base += used;
}

// Parses the complete lines in m_buffer; returns how many bytes they take.
// scanFrom: the bytes before it are known to hold no newline.
qsizetype MetricTail::takeLines(qsizetype scanFrom, qint64 base, int *budget, QList<Line> *out)
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    qsizetype start = 0;
    while (*budget != 0) {
        const auto *newline =
            static_cast<const char *>(std::memchr(data + scanFrom, '\n', size - scanFrom));
        if (!newline)
            break;
        const qsizetype end = newline - data;
        appendLine(start, end, base + start, out);
        start = scanFrom = end + 1;
        if (*budget > 0)
            --*budget;
    }
    return start;
}

// m_buffer holds the start of a line too long to parse. Reads on to its end
// and reports it; leaves it for later if its newline has not arrived (and
// the writer has not finished).
MetricTail::Skip MetricTail::skipLongLine(QFile &file, qint64 *base, int *budget, QList<Line> *out,
                                          QString *error)
{
    const QByteArray head = m_buffer.first(qMin(m_buffer.size(), kRawBytes));
    qint64 skipped = m_buffer.size();
    QByteArray chunk(kChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(chunk.data(), kChunkSize);
        if (got < 0) {
            fail(error, tr("Cannot read %1: %2").arg(m_path, file.errorString()));
            return Skip::Failed;
        }
        if (got == 0 && !m_writerFinished) {
            m_buffer.resize(0); // not consumed: *base still points at the line
            return Skip::Incomplete;
        }
        const auto *newline =
            static_cast<const char *>(std::memchr(chunk.constData(), '\n', qMax<qint64>(got, 0)));
        if (!newline && got > 0) {
            skipped += got;
            continue;
        }
        const qsizetype tail = newline ? newline - chunk.constData() : 0;
        Line &line = out->emplaceBack();
        line.offset = *base;
        line.number = m_lineNumber ? m_lineNumber++ : 0;
        line.error = tooLong(m_maxLineLength);
        line.bytes = head;
        line.size = head.size();
        line.length = skipped + tail;
        *base += skipped + tail + (newline ? 1 : 0);
        m_buffer = newline ? chunk.sliced(tail + 1, got - tail - 1) : QByteArray();
        if (*budget > 0)
            --*budget;
        return Skip::Done;
    }
}

// The line m_buffer holds in [start, end): parsed, or its reason; either way
// it shares m_buffer for its raw text.
void MetricTail::appendLine(qsizetype start, qsizetype end, qint64 offset, QList<Line> *out)
{
    QByteArrayView text(m_buffer.constData() + start, end - start);
    if (text.endsWith('\r'))
        text.chop(1);
    Line &line = out->emplaceBack();
    line.offset = offset;
    line.number = m_lineNumber ? m_lineNumber++ : 0;
    line.bytes = m_buffer;
    line.start = start;
    line.size = line.length = text.size();
    QString error;
    if (text.size() > m_maxLineLength)
        line.error = tooLong(m_maxLineLength);
    else if (MetricLineParser::parse(text, &m_scratch, &error))
        line.record = m_scratch;
    else
        line.error = error.isNull() ? tr("malformed line") : error;
}

} // namespace mlwb
