#include "metrics/metrictail.h"

#include "metrics/metriclineparser.h"

#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace mlwb {

namespace {

constexpr qint64 kChunkSize = 1 << 20;
constexpr qsizetype kRawLength = 200;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString rawText(QByteArrayView text)
{
    return QString::fromUtf8(text.first(qMin(text.size(), kRawLength * 4))).left(kRawLength);
}

QString tooLong(qsizetype limit)
{
    return MetricTail::tr("line is longer than %1 bytes").arg(limit);
}

} // namespace

MetricTail::MetricTail(const QString &path)
    : m_path(path)
{}

bool MetricTail::readAvailable(qint64 fromOffset, int maxLines, QList<Line> *out,
                               qint64 *nextOffset, QString *error)
{
    Q_ASSERT(out && nextOffset && fromOffset >= 0);
    *nextOffset = fromOffset;
    QFile file(m_path);
    const Opened opened = openAt(file, fromOffset, error);
    if (opened != Opened::Yes)
        return opened == Opened::Missing;

    m_lineNumber = fromOffset == 0 ? 1 : fromOffset == m_endOffset ? m_endLineNumber : 0;
    int budget = maxLines > 0 ? maxLines : -1;
    qint64 base = fromOffset; // the file offset of m_buffer's first byte
    m_buffer.resize(0);
    bool ok = true;
    while (ok && budget != 0) {
        const qsizetype kept = m_buffer.size();
        m_buffer.resize(kept + kChunkSize);
        const qint64 got = file.read(m_buffer.data() + kept, kChunkSize);
        m_buffer.resize(kept + qMax<qint64>(got, 0));
        if (got < 0)
            ok = fail(error, tr("Cannot read %1: %2").arg(m_path, file.errorString()));
        if (got <= 0)
            break; // what is left has no newline yet
        consume(kept, &base, &budget, out);
        while (ok && budget != 0 && m_buffer.size() > m_maxLineLength) {
            const Skip skip = skipLongLine(file, &base, &budget, out, error);
            if (skip != Skip::Done) {
                ok = skip == Skip::Incomplete;
                budget = 0;
            } else {
                consume(0, &base, &budget, out);
            }
        }
    }
    m_buffer.resize(0);
    *nextOffset = m_endOffset = base;
    m_endLineNumber = m_lineNumber;
    return ok;
}

void MetricTail::consume(qsizetype scanFrom, qint64 *base, int *budget, QList<Line> *out)
{
    const qsizetype used = takeLines(scanFrom, *base, budget, out);
    m_buffer.remove(0, used);
    *base += used;
}

MetricTail::Opened MetricTail::openAt(QFile &file, qint64 offset, QString *error) const
{
    if (!file.exists()) {
        if (offset == 0)
            return Opened::Missing; // the script has not logged anything yet
        fail(error,
             tr("%1 no longer exists, but %2 bytes of it were read").arg(m_path).arg(offset));
        return Opened::Failed;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, tr("Cannot open %1: %2").arg(m_path, file.errorString()));
        return Opened::Failed;
    }
    if (file.size() < offset) {
        fail(error, tr("%1 was truncated: it has %2 bytes, but %3 were already read")
                        .arg(m_path)
                        .arg(file.size())
                        .arg(offset));
        return Opened::Failed;
    }
    char before = '\n';
    if (offset > 0 && (!file.seek(offset - 1) || !file.getChar(&before) || before != '\n')) {
        fail(error, tr("%1 was replaced: byte %2 does not start a line").arg(m_path).arg(offset));
        return Opened::Failed;
    }
    if (!file.seek(offset)) {
        fail(error, tr("Cannot read %1: %2").arg(m_path, file.errorString()));
        return Opened::Failed;
    }
    return Opened::Yes;
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
        appendLine(QByteArrayView(data + start, end - start), base + start, out);
        start = scanFrom = end + 1;
        if (*budget > 0)
            --*budget;
    }
    return start;
}

// m_buffer holds the start of a line too long to parse. Reads on to its end
// and reports it; leaves it for later if its newline has not arrived.
MetricTail::Skip MetricTail::skipLongLine(QFile &file, qint64 *base, int *budget, QList<Line> *out,
                                          QString *error)
{
    const QString raw = rawText(m_buffer);
    qint64 skipped = m_buffer.size();
    QByteArray chunk(kChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(chunk.data(), kChunkSize);
        if (got < 0) {
            fail(error, tr("Cannot read %1: %2").arg(m_path, file.errorString()));
            return Skip::Failed;
        }
        if (got == 0) {
            m_buffer.resize(0); // not consumed: *base still points at the line
            return Skip::Incomplete;
        }
        const auto *newline = static_cast<const char *>(std::memchr(chunk.constData(), '\n', got));
        if (!newline) {
            skipped += got;
            continue;
        }
        Line &line = out->emplaceBack();
        line.offset = *base;
        line.number = m_lineNumber ? m_lineNumber++ : 0;
        line.error = tooLong(m_maxLineLength);
        line.raw = raw;
        const qsizetype tail = newline - chunk.constData() + 1;
        *base += skipped + tail;
        m_buffer = chunk.sliced(tail, got - tail);
        if (*budget > 0)
            --*budget;
        return Skip::Done;
    }
}

void MetricTail::appendLine(QByteArrayView text, qint64 offset, QList<Line> *out)
{
    if (text.endsWith('\r'))
        text.chop(1);
    Line &line = out->emplaceBack();
    line.offset = offset;
    line.number = m_lineNumber ? m_lineNumber++ : 0;
    QString error;
    if (text.size() > m_maxLineLength) {
        line.error = tooLong(m_maxLineLength);
        line.raw = rawText(text);
    } else if (MetricLineParser::parse(text, &m_scratch, &error)) {
        line.record = m_scratch;
    } else {
        line.error = error;
        line.raw = rawText(text);
    }
}

} // namespace mlwb
