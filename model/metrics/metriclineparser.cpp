#include "metrics/metriclineparser.h"

#include "metrics/metricname.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSysInfo>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace mlwb {

namespace {

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// A cursor over one line for the scalar fast path. Every method returns false
// on anything unusual; the QJsonDocument path then parses and explains.
struct Scanner {
    const char *p;
    const char *end;

    void skipSpace()
    {
        while (p < end && isSpace(*p))
            ++p;
    }
    bool eat(char c)
    {
        skipSpace();
        if (p == end || *p != c)
            return false;
        ++p;
        return true;
    }
    bool match(const char *word, qsizetype size)
    {
        if (end - p < size || std::char_traits<char>::compare(p, word, size) != 0)
            return false;
        p += size;
        return true;
    }
    void digits()
    {
        while (p < end && isDigit(*p))
            ++p;
    }

    // A string without escapes or control characters.
    bool plainString(QByteArrayView *out, bool *ascii)
    {
        if (!eat('"'))
            return false;
        const char *start = p;
        unsigned char seen = 0;
        for (; p < end; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                *out = QByteArrayView(start, p - start);
                *ascii = seen < 0x80;
                ++p;
                return true;
            }
            if (c == '\\' || c < 0x20)
                return false;
            seen |= c;
        }
        return false;
    }

    bool nonFinite(bool negative, double *value)
    {
        if (!negative && match("NaN", 3)) {
            *value = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (!match("Infinity", 8))
            return false;
        *value = negative ? -std::numeric_limits<double>::infinity()
                          : std::numeric_limits<double>::infinity();
        return true;
    }

    // A JSON number (strict grammar, then from_chars), or NaN / Infinity / -Infinity.
    bool number(double *value)
    {
        skipSpace();
        const char *start = p;
        const bool negative = p < end && *p == '-';
        p += negative;
        if (p == end)
            return false;
        if (*p == 'N' || *p == 'I')
            return nonFinite(negative, value);
        if (*p == '0')
            ++p;
        else if (isDigit(*p))
            digits();
        else
            return false;
        if (p < end && *p == '.') {
            const char *fraction = ++p;
            digits();
            if (p == fraction)
                return false;
        }
        if (p < end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < end && (*p == '+' || *p == '-'))
                ++p;
            const char *exponent = p;
            digits();
            if (p == exponent)
                return false;
        }
        const auto result = std::from_chars(start, p, *value);
        return result.ec == std::errc() && result.ptr == p;
    }

    // A plain non-negative integer of at most 18 digits (no overflow possible).
    bool step(qint64 *value)
    {
        skipSpace();
        const char *start = p;
        digits();
        const qsizetype size = p - start;
        if (size == 0 || size > 18 || (size > 1 && *start == '0'))
            return false;
        if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
            return false;
        qint64 result = 0;
        for (const char *d = start; d < p; ++d)
            result = result * 10 + (*d - '0');
        *value = result;
        return true;
    }

    // A string taken as is, up to the next quote: for base64, whose decoder
    // rejects every byte an escape or a control character would bring.
    bool rawString(QByteArrayView *out)
    {
        if (!eat('"'))
            return false;
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', end - p));
        if (!quote)
            return false;
        *out = QByteArrayView(p, quote - p);
        p = quote + 1;
        return true;
    }

    // [item, ...], appended to *out by item(T *).
    template <typename T, typename Item> bool array(QVector<T> *out, Item item)
    {
        out->clear();
        if (!eat('['))
            return false;
        if (eat(']'))
            return true;
        do {
            T value;
            if (!(this->*item)(&value))
                return false;
            out->append(value);
        } while (eat(','));
        return eat(']');
    }
};

constexpr unsigned NameKey = 1, ValueKey = 2, StepKey = 4, TimeKey = 8, RunKey = 16;

unsigned keyBit(QByteArrayView key)
{
    switch (key.size()) {
    case 3:
        return key == QByteArrayView("run", 3) ? RunKey : 0u;
    case 4:
        if (key == QByteArrayView("name", 4))
            return NameKey;
        if (key == QByteArrayView("step", 4))
            return StepKey;
        return key == QByteArrayView("time", 4) ? TimeKey : 0u;
    case 5:
        return key == QByteArrayView("value", 5) ? ValueKey : 0u;
    default:
        return 0;
    }
}

// Assigns without allocating when the text is unchanged (the usual case:
// the same metric name line after line).
void assignUtf8(QString *target, QByteArrayView bytes, bool ascii)
{
    if (!ascii) {
        *target = QString::fromUtf8(bytes);
        return;
    }
    const QLatin1String latin1(bytes.data(), bytes.size());
    if (*target != latin1 || target->isNull())
        *target = latin1;
}

// For the fast paths: a plain string has no byte below 0x20 already.
bool isValidName(QByteArrayView bytes, bool ascii)
{
    return ascii ? !bytes.contains('\x7f') : MetricName::isValid(bytes);
}

// Python writes these bare tokens; QJsonDocument only knows strings, so they
// are swapped for marker strings before parsing and back after.
const QString kNaNMarker = QStringLiteral("\u0001mlwb:NaN");
const QString kInfMarker = QStringLiteral("\u0001mlwb:Infinity");
const QString kNegInfMarker = QStringLiteral("\u0001mlwb:-Infinity");

bool hasNonFiniteTokens(QByteArrayView text)
{
    return text.contains(QByteArrayView("NaN", 3)) || text.contains(QByteArrayView("Infinity", 8));
}

QByteArray markNonFinite(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() + 64);
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        const QByteArrayView rest = text.sliced(i);
        if (rest.startsWith("NaN")) {
            out += "\"\\u0001mlwb:NaN\"";
            i += 2;
        } else if (rest.startsWith("Infinity")) {
            out += "\"\\u0001mlwb:Infinity\"";
            i += 7;
        } else if (rest.startsWith("-Infinity")) {
            out += "\"\\u0001mlwb:-Infinity\"";
            i += 8;
        } else {
            inString = c == '"';
            out += c;
        }
    }
    return out;
}

QJsonValue unmarkNonFinite(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text == kNaNMarker)
            return std::numeric_limits<double>::quiet_NaN();
        if (text == kInfMarker)
            return std::numeric_limits<double>::infinity();
        if (text == kNegInfMarker)
            return -std::numeric_limits<double>::infinity();
        return value;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = unmarkNonFinite(array[i]);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = unmarkNonFinite(it.value());
        return object;
    }
    return value;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool isScalar(const QJsonValue &value)
{
    return value.isDouble() || value.isString();
}

bool allScalars(const QJsonArray &array)
{
    for (const QJsonValue &item : array) {
        if (!isScalar(item))
            return false;
    }
    return true;
}

bool isPathInside(const QString &path)
{
    if (path.isEmpty() || !QDir::isRelativePath(path) || path.startsWith(QLatin1Char('\\')))
        return false;
    const QStringList parts = QDir::fromNativeSeparators(path).split(QLatin1Char('/'));
    return !parts.contains(QStringLiteral(".."));
}

bool readName(const QJsonObject &object, MetricRecord *out, QString *error)
{
    const QJsonValue run = object.value(QLatin1String("run"));
    if (!run.isUndefined() && !run.isNull() && !run.isString())
        return fail(error, QStringLiteral("\"run\" must be a string (a child run's name)"));
    out->run = run.toString();
    if (!MetricName::isValid(QStringView(out->run)))
        return fail(error,
                    QStringLiteral("\"run\" must be valid UTF-8 without control characters"));
    const QJsonValue name = object.value(QLatin1String("name"));
    if (name.isUndefined()) {
        // A child run's declaration and end need no name of their own.
        if (out->kind == MetricRecord::Kind::Child && !out->run.isEmpty())
            out->name = out->run;
        else if (out->kind == MetricRecord::Kind::Status)
            out->name = QStringLiteral("status");
        else
            return fail(error, QStringLiteral("missing \"name\""));
        return true;
    }
    if (!name.isString() || name.toString().isEmpty())
        return fail(error, QStringLiteral("\"name\" must be a non-empty string"));
    out->name = name.toString();
    if (!MetricName::isValid(QStringView(out->name)))
        return fail(error,
                    QStringLiteral("\"name\" must be valid UTF-8 without control characters"));
    return true;
}

bool readStepAndTime(const QJsonObject &object, MetricRecord *out, QString *error)
{
    const QJsonValue step = object.value(QLatin1String("step"));
    if (!step.isUndefined() && !step.isNull()) {
        const double number = step.toDouble(-1);
        if (!step.isDouble() || number < 0 || number > 9007199254740992.0
            || number != std::floor(number))
            return fail(error, QStringLiteral("\"step\" must be a non-negative integer"));
        out->step = step.toInteger(qint64(number));
    }
    const QJsonValue time = object.value(QLatin1String("time"));
    if (!time.isUndefined() && !time.isNull()) {
        if (!time.isDouble() || !std::isfinite(time.toDouble()) || time.toDouble() < 0)
            return fail(error,
                        QStringLiteral("\"time\" must be a number of seconds since the epoch"));
        out->time = time.toDouble();
    }
    return true;
}

bool readKind(const QJsonObject &object, const QJsonValue &value, MetricRecord *out, QString *error)
{
    const QJsonValue kind = object.value(QLatin1String("kind"));
    if (kind.isUndefined() || kind.isNull()) {
        if (value.isUndefined())
            return fail(error, QStringLiteral("missing \"value\""));
        if (!isScalar(value))
            return fail(error,
                        QStringLiteral("\"value\" must be a number or a string for a scalar"));
        out->kind = value.isString() ? MetricRecord::Kind::String : MetricRecord::Kind::Scalar;
        return true;
    }
    if (!kind.isString())
        return fail(error, QStringLiteral("\"kind\" must be a string"));
    if (!MetricLineParser::kindFromName(kind.toString(), &out->kind))
        return fail(error, QStringLiteral("unknown \"kind\": \"%1\"").arg(kind.toString()));
    return true;
}

bool readStructuredValue(const QJsonValue &value, MetricRecord *out, QString *error)
{
    using Kind = MetricRecord::Kind;
    if (out->kind == Kind::List) {
        if (!value.isArray() || !allScalars(value.toArray()))
            return fail(error, QStringLiteral(
                                   "\"value\" must be an array of numbers or strings for a list"));
    } else if (out->kind == Kind::Row) {
        const QJsonObject row = value.toObject();
        if (!value.isObject() || !std::all_of(row.begin(), row.end(), isScalar))
            return fail(error, QStringLiteral("\"value\" must be an object of column: number or "
                                              "string for a row"));
    } else {
        const QJsonObject table = value.toObject();
        const auto isColumn = [](const QJsonValue &v) {
            return v.isArray() && allScalars(v.toArray());
        };
        if (!value.isObject() || !std::all_of(table.begin(), table.end(), isColumn))
            return fail(error, QStringLiteral("\"value\" must be an object of column: array of "
                                              "numbers or strings for a table"));
    }
    out->json = value;
    return true;
}

bool readTextValue(const QJsonObject &object, const QJsonValue &value, MetricRecord *out,
                   QString *error)
{
    using Kind = MetricRecord::Kind;
    switch (out->kind) {
    case Kind::String:
        if (!value.isString())
            return fail(error, QStringLiteral("\"value\" must be a string for a string metric"));
        break;
    case Kind::Image:
        if (!value.isString() || !isPathInside(value.toString()))
            return fail(error, QStringLiteral("\"value\" must be a relative path inside the run "
                                              "folder for an image"));
        break;
    case Kind::Tag:
        if (value.isDouble() || value.isBool()) {
            out->text = value.toVariant().toString();
            return true;
        }
        if (!value.isString() && !value.isUndefined() && !value.isNull())
            return fail(error, QStringLiteral("\"value\" must be a string for a tag"));
        break;
    case Kind::Status: {
        const QString status = value.toString();
        if (status != QLatin1String("Completed") && status != QLatin1String("Failed")
            && status != QLatin1String("Canceled"))
            return fail(error, QStringLiteral("\"value\" must be \"Completed\", \"Failed\" or "
                                              "\"Canceled\" for a status"));
        break;
    }
    default: { // Child
        if (out->run.isEmpty())
            return fail(error,
                        QStringLiteral("a \"child\" line needs \"run\", the child run's name"));
        const QJsonValue display = object.value(QLatin1String("display_name"));
        out->text = display.isString() ? display.toString() : out->run;
        return true;
    }
    }
    out->text = value.toString();
    return true;
}

bool readValue(const QJsonObject &object, const QJsonValue &value, MetricRecord *out,
               QString *error)
{
    using Kind = MetricRecord::Kind;
    const Kind kind = out->kind;
    if (value.isUndefined() && kind != Kind::Tag && kind != Kind::Child)
        return fail(error, QStringLiteral("missing \"value\""));
    if (kind == Kind::Scalar) {
        if (!value.isDouble())
            return fail(error, QStringLiteral("\"value\" must be a number for a scalar"));
        out->number = value.toDouble();
        return true;
    }
    if (kind == Kind::List || kind == Kind::Row || kind == Kind::Table)
        return readStructuredValue(value, out, error);
    return readTextValue(object, value, out, error);
}

// ---- "scalars": many points of one series in one line ------------------------

constexpr unsigned KindKey = 1, SeriesNameKey = 2, SeriesRunKey = 4, SeriesTimeKey = 8,
                   Values64Key = 16, Steps64Key = 32, Times64Key = 64, ValuesKey = 128,
                   StepsKey = 256, TimesKey = 512;

unsigned scalarsKeyBit(QByteArrayView key)
{
    switch (key.size()) {
    case 3:
        return key == QByteArrayView("run", 3) ? SeriesRunKey : 0u;
    case 4:
        if (key == QByteArrayView("kind", 4))
            return KindKey;
        if (key == QByteArrayView("name", 4))
            return SeriesNameKey;
        return key == QByteArrayView("time", 4) ? SeriesTimeKey : 0u;
    case 5:
        if (key == QByteArrayView("steps", 5))
            return StepsKey;
        return key == QByteArrayView("times", 5) ? TimesKey : 0u;
    case 6:
        return key == QByteArrayView("values", 6) ? ValuesKey : 0u;
    case 7:
        if (key == QByteArrayView("steps64", 7))
            return Steps64Key;
        return key == QByteArrayView("times64", 7) ? Times64Key : 0u;
    case 8:
        return key == QByteArrayView("values64", 8) ? Values64Key : 0u;
    default:
        return 0;
    }
}

// Standard base64 (RFC 4648) digits; 0x100 marks every other byte.
constexpr std::array<quint16, 256> kBase64Digits = [] {
    std::array<quint16, 256> table{};
    for (auto &digit : table)
        digit = 0x100;
    const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (quint16 i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = i;
    return table;
}();

enum class Decoded { Ok, NotBase64, NotWhole };

// Decodes base64 (padding optional) straight into *out, 8 little-endian bytes
// per element: no temporary buffer, and a reused record keeps its storage.
template <typename T> Decoded decodeBase64(QByteArrayView text, QVector<T> *out)
{
    static_assert(sizeof(T) == 8);
    qsizetype size = text.size();
    if (size > 0 && size % 4 == 0 && text[size - 1] == '=')
        size -= text[size - 2] == '=' ? 2 : 1;
    if (size % 4 == 1)
        return Decoded::NotBase64;
    const qsizetype bytes = size / 4 * 3 + (size % 4 ? size % 4 - 1 : 0);
    if (bytes % 8 != 0)
        return Decoded::NotWhole;
    out->clear(); // keeps the capacity, and drops what a copy still shares
    out->resize(bytes / 8);
    auto *dst = reinterpret_cast<unsigned char *>(out->data());
    const auto *src = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const quadsEnd = src + size / 4 * 4;
    unsigned bad = 0;
    for (; src < quadsEnd; src += 4, dst += 3) {
        const unsigned a = kBase64Digits[src[0]], b = kBase64Digits[src[1]],
                       c = kBase64Digits[src[2]], d = kBase64Digits[src[3]];
        bad |= a | b | c | d;
        const unsigned word = a << 18 | b << 12 | c << 6 | d;
        dst[0] = static_cast<unsigned char>(word >> 16);
        dst[1] = static_cast<unsigned char>(word >> 8);
        dst[2] = static_cast<unsigned char>(word);
    }
    if (size % 4 != 0) {
        unsigned word = 0;
        for (qsizetype i = 0; i < 4; ++i) {
            const unsigned digit = i < size % 4 ? kBase64Digits[src[i]] : 0;
            bad |= digit;
            word = word << 6 | digit;
        }
        dst[0] = static_cast<unsigned char>(word >> 16);
        if (size % 4 == 3)
            dst[1] = static_cast<unsigned char>(word >> 8);
    }
    if (bad >= 64)
        return Decoded::NotBase64;
    if constexpr (QSysInfo::ByteOrder == QSysInfo::BigEndian) {
        auto *bytesOut = reinterpret_cast<unsigned char *>(out->data());
        for (qsizetype i = 0; i < bytes; i += 8)
            std::reverse(bytesOut + i, bytesOut + i + 8);
    }
    return Decoded::Ok;
}

// One column of a "scalars" line: which key gave it (empty: absent).
struct Column {
    QLatin1String key;
    bool present() const { return !key.isEmpty(); }
};

// Checks what both parsers decoded: the lengths agree and steps and times
// are in range. The keys name the columns in the messages.
bool checkPoints(const MetricRecord &r, QLatin1String valuesKey, Column steps, Column times,
                 QString *error)
{
    const qsizetype count = r.numbers.size();
    if (count == 0)
        return fail(error, QStringLiteral("\"%1\" is empty: a \"scalars\" line needs at least one "
                                          "value")
                               .arg(valuesKey));
    if (steps.present() && r.steps.size() != count)
        return fail(error, QStringLiteral("\"%1\" holds %2 steps for %3 values in \"%4\"")
                               .arg(steps.key)
                               .arg(r.steps.size())
                               .arg(count)
                               .arg(valuesKey));
    if (times.present() && r.times.size() != count)
        return fail(error, QStringLiteral("\"%1\" holds %2 times for %3 values in \"%4\"")
                               .arg(times.key)
                               .arg(r.times.size())
                               .arg(count)
                               .arg(valuesKey));
    const auto negative =
        std::find_if(r.steps.cbegin(), r.steps.cend(), [](qint64 step) { return step < 0; });
    if (negative != r.steps.cend())
        return fail(error, QStringLiteral("\"%1\" must hold non-negative steps; item %2 is %3")
                               .arg(steps.key)
                               .arg(negative - r.steps.cbegin())
                               .arg(*negative));
    const auto badTime = std::find_if(r.times.cbegin(), r.times.cend(), [](double time) {
        return !(time >= 0) || !std::isfinite(time);
    });
    if (badTime != r.times.cend())
        return fail(error, QStringLiteral("\"%1\" must hold seconds since the epoch; item %2 is %3")
                               .arg(times.key)
                               .arg(badTime - r.times.cbegin())
                               .arg(*badTime));
    return true;
}

bool decodeColumn(QLatin1String key, QByteArrayView text, QVector<double> *doubles,
                  QVector<qint64> *integers, QString *error)
{
    const Decoded result = doubles ? decodeBase64(text, doubles) : decodeBase64(text, integers);
    if (result == Decoded::NotBase64)
        return fail(error, QStringLiteral("\"%1\" is not valid base64").arg(key));
    if (result == Decoded::NotWhole)
        return fail(error, QStringLiteral("\"%1\" must decode to whole 8-byte numbers").arg(key));
    return true;
}

// Reads one column given as "<key>" (a JSON array) or "<key>64" (base64), at
// most one of them. Exactly one of doubles and integers is set.
bool readColumn(const QJsonObject &object, QLatin1String key, QLatin1String key64, bool marked,
                QVector<double> *doubles, QVector<qint64> *integers, Column *column, QString *error)
{
    const QJsonValue plain = object.value(key);
    const QJsonValue encoded = object.value(key64);
    const bool hasPlain = !plain.isUndefined() && !plain.isNull();
    const bool hasEncoded = !encoded.isUndefined() && !encoded.isNull();
    if (hasPlain && hasEncoded)
        return fail(error, QStringLiteral("give \"%1\" or \"%2\", not both").arg(key, key64));
    if (hasEncoded) {
        column->key = key64;
        if (!encoded.isString())
            return fail(error, QStringLiteral("\"%1\" must be a base64 string").arg(key64));
        return decodeColumn(key64, encoded.toString().toLatin1(), doubles, integers, error);
    }
    if (!hasPlain)
        return true;
    column->key = key;
    if (!plain.isArray())
        return fail(error, QStringLiteral("\"%1\" must be an array of numbers").arg(key));
    const QJsonArray items = plain.toArray();
    doubles ? doubles->clear() : integers->clear();
    doubles ? doubles->reserve(items.size()) : integers->reserve(items.size());
    for (const QJsonValue &raw : items) {
        const QJsonValue item = marked ? unmarkNonFinite(raw) : raw;
        if (!item.isDouble())
            return fail(error, QStringLiteral("\"%1\" must be an array of numbers").arg(key));
        const double number = item.toDouble();
        if (doubles) {
            doubles->append(number);
            continue;
        }
        // Whole and within qint64 (QJsonValue keeps integer literals exact).
        if (number != std::floor(number) || !(std::abs(number) < 9223372036854775808.0))
            return fail(error, QStringLiteral("\"%1\" must be an array of integers").arg(key));
        integers->append(item.toInteger(qint64(number)));
    }
    return true;
}

bool readScalars(const QJsonObject &object, bool marked, MetricRecord *out, QString *error)
{
    // Single-point keys here are a writer's mistake, not something to ignore.
    if (object.contains(QLatin1String("value")))
        return fail(error, QStringLiteral("a \"scalars\" line takes \"values64\" or \"values\", "
                                          "not \"value\""));
    if (object.contains(QLatin1String("step")))
        return fail(error, QStringLiteral("a \"scalars\" line takes \"steps64\" or \"steps\", not "
                                          "\"step\""));
    if (!readStepAndTime(object, out, error))
        return false;
    Column values, steps, times;
    if (!readColumn(object, QLatin1String("values"), QLatin1String("values64"), marked,
                    &out->numbers, nullptr, &values, error))
        return false;
    if (!values.present())
        return fail(error, QStringLiteral("a \"scalars\" line needs \"values64\" or \"values\""));
    return readColumn(object, QLatin1String("steps"), QLatin1String("steps64"), marked, nullptr,
                      &out->steps, &steps, error)
           && readColumn(object, QLatin1String("times"), QLatin1String("times64"), marked,
                         &out->times, nullptr, &times, error)
           && checkPoints(*out, values.key, steps, times, error);
}

// Like *record = MetricRecord(), but the point arrays keep their storage.
void reset(MetricRecord *record)
{
    QVector<double> numbers = std::move(record->numbers);
    QVector<qint64> steps = std::move(record->steps);
    QVector<double> times = std::move(record->times);
    *record = MetricRecord();
    numbers.clear();
    steps.clear();
    times.clear();
    record->numbers = std::move(numbers);
    record->steps = std::move(steps);
    record->times = std::move(times);
}

} // namespace

bool MetricLineParser::parse(QByteArrayView line, MetricRecord *out, QString *error)
{
    Q_ASSERT(out);
    if (parseFast(line, out) || parseScalarsFast(line, out))
        return true;
    return parseJson(line, out, error);
}

bool MetricLineParser::parseFast(QByteArrayView line, MetricRecord *out)
{
    Scanner scan{line.data(), line.data() + line.size()};
    if (!scan.eat('{'))
        return false;
    QByteArrayView name, run;
    bool nameAscii = true, runAscii = true;
    double value = 0, time = 0;
    qint64 step = -1;
    unsigned seen = 0;
    do {
        QByteArrayView key;
        bool keyAscii = true;
        if (!scan.plainString(&key, &keyAscii) || !scan.eat(':'))
            return false;
        const unsigned bit = keyBit(key);
        if (bit == 0 || (seen & bit))
            return false;
        seen |= bit;
        const bool ok = bit == NameKey    ? scan.plainString(&name, &nameAscii)
                        : bit == RunKey   ? scan.plainString(&run, &runAscii)
                        : bit == ValueKey ? scan.number(&value)
                        : bit == StepKey  ? scan.step(&step)
                                          : scan.number(&time) && std::isfinite(time) && time >= 0;
        if (!ok)
            return false;
    } while (scan.eat(','));
    if (!scan.eat('}') || (scan.skipSpace(), scan.p != scan.end))
        return false;
    if ((seen & (NameKey | ValueKey)) != (NameKey | ValueKey) || name.isEmpty()
        || !isValidName(name, nameAscii) || !isValidName(run, runAscii))
        return false;
    assignUtf8(&out->name, name, nameAscii);
    assignUtf8(&out->run, run, runAscii);
    out->kind = MetricRecord::Kind::Scalar;
    out->number = value;
    out->step = step;
    out->time = time;
    out->text.clear();
    if (!out->json.isNull())
        out->json = QJsonValue();
    out->numbers.clear();
    out->steps.clear();
    out->times.clear();
    return true;
}

bool MetricLineParser::parseScalarsFast(QByteArrayView line, MetricRecord *out)
{
    Scanner scan{line.data(), line.data() + line.size()};
    if (!scan.eat('{'))
        return false;
    QByteArrayView name, run, values64, steps64, times64;
    bool nameAscii = true, runAscii = true;
    double time = 0;
    unsigned seen = 0;
    do {
        QByteArrayView key, kind;
        bool ascii = true;
        if (!scan.plainString(&key, &ascii) || !scan.eat(':'))
            return false;
        const unsigned bit = scalarsKeyBit(key);
        if (bit == 0 || (seen & bit))
            return false;
        seen |= bit;
        bool ok = false;
        switch (bit) {
        case KindKey:
            ok = scan.plainString(&kind, &ascii) && kind == QByteArrayView("scalars", 7);
            break;
        case SeriesNameKey:
            ok = scan.plainString(&name, &nameAscii);
            break;
        case SeriesRunKey:
            ok = scan.plainString(&run, &runAscii);
            break;
        case SeriesTimeKey:
            ok = scan.number(&time) && std::isfinite(time) && time >= 0;
            break;
        case Values64Key:
            ok = scan.rawString(&values64);
            break;
        case Steps64Key:
            ok = scan.rawString(&steps64);
            break;
        case Times64Key:
            ok = scan.rawString(&times64);
            break;
        case ValuesKey:
            ok = scan.array(&out->numbers, &Scanner::number);
            break;
        case StepsKey:
            ok = scan.array(&out->steps, &Scanner::step);
            break;
        default: // TimesKey
            ok = scan.array(&out->times, &Scanner::number);
            break;
        }
        if (!ok)
            return false;
    } while (scan.eat(','));
    if (!scan.eat('}') || (scan.skipSpace(), scan.p != scan.end))
        return false;
    // Anything odd (both forms of a column, a bad value) is left to the JSON
    // path, which says what is wrong.
    const auto one = [seen](unsigned a, unsigned b) {
        return ((seen & a) != 0) != ((seen & b) != 0);
    };
    const auto atMostOne = [seen](unsigned a, unsigned b) { return (seen & (a | b)) != (a | b); };
    if (!(seen & KindKey) || !(seen & SeriesNameKey) || name.isEmpty()
        || !isValidName(name, nameAscii) || !isValidName(run, runAscii)
        || !one(Values64Key, ValuesKey) || !atMostOne(Steps64Key, StepsKey)
        || !atMostOne(Times64Key, TimesKey))
        return false;
    if (!(seen & StepsKey) && !(seen & Steps64Key))
        out->steps.clear();
    if (!(seen & TimesKey) && !(seen & Times64Key))
        out->times.clear();
    if (((seen & Values64Key) && decodeBase64(values64, &out->numbers) != Decoded::Ok)
        || ((seen & Steps64Key) && decodeBase64(steps64, &out->steps) != Decoded::Ok)
        || ((seen & Times64Key) && decodeBase64(times64, &out->times) != Decoded::Ok))
        return false;
    const auto column = [seen](unsigned bit, const char *key) {
        return Column{(seen & bit) ? QLatin1String(key) : QLatin1String()};
    };
    if (!checkPoints(*out, QLatin1String(), column(Steps64Key | StepsKey, "steps"),
                     column(Times64Key | TimesKey, "times"), nullptr))
        return false;
    assignUtf8(&out->name, name, nameAscii);
    assignUtf8(&out->run, run, runAscii);
    out->kind = MetricRecord::Kind::Scalars;
    out->number = 0;
    out->step = -1;
    out->time = time;
    out->text.clear();
    if (!out->json.isNull())
        out->json = QJsonValue();
    return true;
}

bool MetricLineParser::parseJson(QByteArrayView line, MetricRecord *out, QString *error)
{
    const QByteArrayView text = line.trimmed();
    if (text.isEmpty())
        return fail(error, QStringLiteral("empty line"));
    if (text.front() != '{')
        return fail(error, QStringLiteral("line is not a JSON object"));
    const bool marked = hasNonFiniteTokens(text);
    const QByteArray json =
        marked ? markNonFinite(text) : QByteArray::fromRawData(text.data(), text.size());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QStringLiteral("line is not valid JSON: %1 at byte %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset));
    if (!document.isObject())
        return fail(error, QStringLiteral("line is not a JSON object"));

    const QJsonObject object = document.object();
    const QJsonValue raw = object.value(QLatin1String("value"));
    const QJsonValue value = marked ? unmarkNonFinite(raw) : raw;
    reset(out);
    if (!readKind(object, value, out, error) || !readName(object, out, error))
        return false;
    if (out->kind == MetricRecord::Kind::Scalars)
        return readScalars(object, marked, out, error);
    return readStepAndTime(object, out, error) && readValue(object, value, out, error);
}

QLatin1String MetricLineParser::kindName(MetricRecord::Kind kind)
{
    static const char *const names[] = {"scalar", "string", "list",  "row",    "table",
                                        "image",  "tag",    "child", "status", "scalars"};
    return QLatin1String(names[int(kind)]);
}

bool MetricLineParser::kindFromName(QStringView name, MetricRecord::Kind *kind)
{
    for (int i = 0; i <= int(MetricRecord::Kind::Scalars); ++i) {
        const auto candidate = MetricRecord::Kind(i);
        if (name == kindName(candidate)) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

} // namespace mlwb
