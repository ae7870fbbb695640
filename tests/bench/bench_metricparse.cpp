// Parses 1,000,000 scalar metric lines from memory with MetricLineParser and,
// as the plain baseline, with QJsonDocument::fromJson per line; prints the
// median of 5 repetitions of each in lines/s and their ratio.

#include "metriclineparser.h"

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
    return 0;
}
