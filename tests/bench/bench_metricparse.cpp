// Parses 1,000,000 scalar metric lines from memory with MetricLineParser and,
// as the plain baseline, with QJsonDocument::fromJson per line; prints the
// median of 5 repetitions of each in lines/s and their ratio. Then the same
// for 1,048,576 points in "scalars" lines of 8192 (what the Python helper
// writes), against QJsonDocument plus QByteArray::fromBase64.

#include "metrics/metriclineparser.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <cstdio>

using namespace mlwb;

namespace {

constexpr int kLines = 1000000;
constexpr int kRepetitions = 5;
constexpr int kScalarsLines = 128;
constexpr int kScalarsPoints = 8192;

// What the Python helper writes: a few names, growing steps, ms timestamps.
QByteArray makeLines(QList<QByteArrayView> *lines)
{
    const char *names[] = {"loss", "accuracy", "learning_rate", "val_loss"};
    QByteArray text;
    text.reserve(qsizetype(kLines) * 72);
    for (int i = 0; i < kLines; ++i) {
        text += "{\"name\":\"" + QByteArray(names[i % 4])
                + "\",\"value\":" + QByteArray::number(1.0 / (i + 1), 'g', 17)
                + ",\"step\":" + QByteArray::number(i / 4)
                + ",\"time\":" + QByteArray::number(1700000000.0 + i * 0.001, 'f', 3) + "}\n";
    }
    qsizetype start = 0;
    for (qsizetype end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        lines->append(QByteArrayView(text.constData() + start, end - start));
        start = end + 1;
    }
    return text;
}

template <typename Parse> double median(Parse parse)
{
    QList<double> rates;
    for (int r = 0; r < kRepetitions; ++r) {
        QElapsedTimer timer;
        timer.start();
        const double checksum = parse();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        rates.append(kLines / seconds);
        if (checksum == 42.4242) // keeps the work from being optimised away
            std::puts("");
    }
    std::sort(rates.begin(), rates.end());
    return rates.at(kRepetitions / 2);
}

// "scalars" lines as the helper writes them: base64 values, steps, times.
QList<QByteArray> makeScalarsLines()
{
    QList<QByteArray> lines;
    for (int line = 0; line < kScalarsLines; ++line) {
        QVector<double> values(kScalarsPoints), times(kScalarsPoints);
        QVector<qint64> steps(kScalarsPoints);
        for (int i = 0; i < kScalarsPoints; ++i) {
            const qint64 step = qint64(line) * kScalarsPoints + i;
            values[i] = 1.0 / double(step + 1);
            steps[i] = step;
            times[i] = 1700000000.0 + double(step) * 1e-6;
        }
        const auto base64 = [](const auto &v) {
            return QByteArray::fromRawData(reinterpret_cast<const char *>(v.constData()),
                                           v.size() * 8)
                .toBase64();
        };
        lines.append(R"({"kind":"scalars","name":"loss","values64":")" + base64(values)
                     + R"(","steps64":")" + base64(steps) + R"(","times64":")" + base64(times)
                     + R"("})");
    }
    return lines;
}

} // namespace

int main()
{
    QList<QByteArrayView> lines;
    lines.reserve(kLines);
    const QByteArray text = makeLines(&lines);

    const double ours = median([&] {
        MetricRecord record;
        QString error;
        double sum = 0;
        for (const QByteArrayView line : lines) {
            if (!MetricLineParser::parse(line, &record, &error))
                std::fprintf(stderr, "error: %s\n", qPrintable(error));
            sum += record.number + double(record.step);
        }
        return sum;
    });
    const double baseline = median([&] {
        double sum = 0;
        for (const QByteArrayView line : lines) {
            const QJsonObject object =
                QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size())).object();
            sum += object.value(QLatin1String("value")).toDouble()
                   + object.value(QLatin1String("step")).toDouble();
        }
        return sum;
    });
    std::printf("lines: %d, repetitions: %d (medians)\n", kLines, kRepetitions);
    std::printf("MetricLineParser:              %12.0f lines/s\n", ours);
    std::printf("QJsonDocument::fromJson (base): %12.0f lines/s\n", baseline);
    std::printf("ratio: %.1fx\n", ours / baseline);

    // Rates below are in lines/s of kLines; scaled to points/s of the batch.
    const QList<QByteArray> batch = makeScalarsLines();
    const double scale = double(kScalarsLines) * kScalarsPoints / kLines;
    const double batchOurs = scale * median([&] {
                                 MetricRecord record;
                                 QString error;
                                 double sum = 0;
                                 for (const QByteArray &line : batch) {
                                     if (!MetricLineParser::parse(line, &record, &error))
                                         std::fprintf(stderr, "error: %s\n", qPrintable(error));
                                     sum += record.numbers.last() + double(record.steps.last());
                                 }
                                 return sum;
                             });
    const double batchBaseline =
        scale * median([&] {
            double sum = 0;
            for (const QByteArray &line : batch) {
                const QJsonObject object = QJsonDocument::fromJson(line).object();
                for (const char *key : {"values64", "steps64", "times64"}) {
                    const QByteArray bytes = QByteArray::fromBase64(
                        object.value(QLatin1String(key)).toString().toLatin1());
                    sum += double(bytes.size());
                }
            }
            return sum;
        });
    const double lineBytes = double(batch.first().size());
    std::printf("\n\"scalars\" lines of %d points (%.0f KB): %d\n", kScalarsPoints,
                lineBytes / 1024, kScalarsLines);
    std::printf("MetricLineParser:              %12.0f points/s (%.1f us a line)\n", batchOurs,
                1e6 * kScalarsPoints / batchOurs);
    std::printf("QJsonDocument + fromBase64:    %12.0f points/s (%.1f us a line)\n", batchBaseline,
                1e6 * kScalarsPoints / batchBaseline);
    std::printf("ratio: %.1fx\n", batchOurs / batchBaseline);
    return 0;
}
