#pragma once

// Builds a fuzzed metrics.jsonl: valid lines of every shape the parser has a
// path for, and invalid ones of many kinds, with what each should leave in
// the store. Every good point has a step of its own, so a point stored twice
// or never is seen by its (series, step).
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QtEndian>

#include <array>
#include <cstring>

namespace mlwb::testing {

class MetricsFuzzer
{
public:
    /// A bad line: its 1-based number in its file version and its text.
    struct BadLine {
        qint64 number = 0;
        QByteArray text;
    };

    explicit MetricsFuzzer(quint64 seed)
        : m_random(std::array<quint32, 2>{quint32(seed), quint32(seed >> 32)}.data(), 2)
    {}

    /// A new file's content, its lines numbered from 1: the first time the
    /// first point of each series (so that s* are scalar series and t*
    /// string ones), then a good line (versions differ from their first
    /// bytes), then \a count random lines, about one in five bad.
    QByteArray file(int count)
    {
        m_lineNumber = 0;
        QByteArray out;
        const bool first = m_points.isEmpty();
        for (int k = 0; k < 3 && first; ++k) {
            const QByteArray n = QByteArray::number(k);
            out += line(R"({"name":"s)" + n + R"(","value":1,"step":)" + step("s" + n) + "}", true);
            out +=
                line(R"({"name":"t)" + n + R"(","value":"a","step":)" + step("t" + n) + "}", true);
        }
        out += goodLine();
        for (int i = 0; i < count; ++i)
            out += m_random.bounded(5) == 0 ? badLine() : goodLine();
        return out;
    }

    const QHash<QString, QSet<qint64>> &expectedPoints() const { return m_points; }
    qint64 pointCount() const
    {
        qint64 n = 0;
        for (const QSet<qint64> &steps : m_points)
            n += steps.size();
        return n;
    }
    const QList<BadLine> &badLines() const { return m_bad; }

private:
    QByteArray line(const QByteArray &text, bool good, const char *ending = "\n")
    {
        ++m_lineNumber;
        if (!good)
            m_bad.append({m_lineNumber, text});
        return text + ending;
    }

    // A new step of the series, recorded as expected.
    QByteArray step(const QByteArray &series)
    {
        const qint64 s = m_nextStep++;
        m_points[QString::fromUtf8(series)].insert(s);
        return QByteArray::number(s);
    }

    QByteArray number()
    {
        switch (m_random.bounded(6)) {
        case 0:
            return "NaN";
        case 1:
            return "-1.5e-300";
        default:
            return QByteArray::number(m_random.generateDouble() * 100, 'g', 17);
        }
    }

    template <typename T> QByteArray base64(const QVector<T> &items)
    {
        QByteArray bytes(items.size() * 8, Qt::Uninitialized);
        for (qsizetype i = 0; i < items.size(); ++i) {
            quint64 bits = 0;
            std::memcpy(&bits, &items[i], 8);
            qToLittleEndian(bits, bytes.data() + i * 8);
        }
        return bytes.toBase64(m_paddingless ? QByteArray::OmitTrailingEquals
                                            : QByteArray::Base64Encoding);
    }

    QByteArray goodLine()
    {
        const QByteArray k = QByteArray::number(m_random.bounded(3));
        const QByteArray s = "s" + k;
        switch (m_random.bounded(9)) {
        case 0: // the fast path, with a time
            return line(R"({"name":")" + s + R"(","value":)" + number() + R"(,"step":)" + step(s)
                            + R"(,"time":1700000000.5})",
                        true);
        case 1: // the JSON path: an escaped name and an unknown key
            return line(R"({"step":)" + step(s) + R"(,"name":"s\u003)" + k + R"(","value":)"
                            + number() + R"(,"note":[1]})",
                        true);
        case 2: // a non-ASCII name, CRLF
            return line("{\"name\":\"\xc3\xbc" + k + R"(","value":2,"step":)" + step("\xc3\xbc" + k)
                            + "}",
                        true, "\r\n");
        case 3:
        case 4: { // a batch, as arrays or base64
            const QByteArray b = "b" + k;
            QVector<double> values;
            QVector<qint64> steps;
            const int n = 1 + int(m_random.bounded(20));
            QByteArray valuesText, stepsText;
            for (int i = 0; i < n; ++i) {
                values.append(m_random.generateDouble());
                steps.append(step(b).toLongLong());
                valuesText += (i ? "," : "") + QByteArray::number(values.last(), 'g', 17);
                stepsText += (i ? "," : "") + QByteArray::number(steps.last());
            }
            m_paddingless = m_random.bounded(2);
            if (m_random.bounded(2))
                return line(R"({"kind":"scalars","name":")" + b + R"(","values":[)" + valuesText
                                + R"(],"steps":[)" + stepsText + "]}",
                            true);
            return line(R"({"kind":"scalars","name":")" + b + R"(","values64":")" + base64(values)
                            + R"(","steps64":")" + base64(steps) + R"("})",
                        true);
        }
        case 5: // a string, and a number into a string series (kept as text)
            return line(R"({"name":"t)" + k + R"(","value":"v\u00e4 \"q\"","step":)" + step("t" + k)
                            + "}",
                        true);
        case 6:
            return line(R"({"name":"t)" + k + R"(","value":7,"step":)" + step("t" + k) + "}", true);
        default:
            return line(R"({"name":")" + s + R"(","value":)" + number() + R"(,"step":)" + step(s)
                            + "}",
                        true);
        }
    }

    QByteArray badLine()
    {
        static const char *const fixed[] = {
            "not json",
            R"({"name":"s0","value":0.2)",
            "",
            "  \t",
            "[1,2]",
            R"({"name":"s0","step":3})",
            R"({"value":3})",
            "{\"name\":\"u\xff\xfe\",\"value\":1}",    // issue 10
            "{\"name\":\"lo\x7fss\",\"value\":1}",     // DEL
            "{\"name\":\"lo\xc2\x85ss\",\"value\":1}", // C1 control
            R"({"name":"lo\u0000ss","value":1})",      // escaped NUL
            R"({"name":"lo\ud800ss","value":1})",      // lone surrogate
            "{\"kind\":\"scalars\",\"name\":\"b\xed\xa0\x80\",\"values\":[1]}",
            R"({"kind":"scalars","name":"b0","values64":"!!!!"})",
            R"({"kind":"scalars","name":"b0","values":[1,2],"steps":[1]})",
            R"({"name":"s0","value":1,"step":-1})",
            R"({"name":"s0","value":{}})",
            R"({"name":"s0","kind":"histogram","value":1})",
            "{\"name\":\"t0\",\"value\":\"bad \xff utf8\"}",
            R"({"name":"s1","value":"a string for a number series"})", // series type mismatch
            R"({"kind":"status","value":"Completed"})",                // status without run
        };
        const int choice = int(m_random.bounded(int(std::size(fixed)) + 2));
        if (choice < int(std::size(fixed)))
            return line(QByteArray(fixed[choice]), false);
        if (choice == int(std::size(fixed))) { // a raw NUL in a name
            return line(QByteArray("{\"name\":\"lo\0ss\",\"value\":1}", 26), false);
        }
        QByteArray garbage = "#";
        const int n = int(m_random.bounded(200));
        for (int i = 0; i < n; ++i) {
            char c = char(m_random.bounded(256));
            garbage += c == '\n' || c == '\r' ? ' ' : c;
        }
        return line(garbage, false);
    }

    QRandomGenerator m_random;
    qint64 m_lineNumber = 0;
    qint64 m_nextStep = 0;
    bool m_paddingless = false;
    QHash<QString, QSet<qint64>> m_points; // series name -> steps
    QList<BadLine> m_bad;
};

} // namespace mlwb::testing
