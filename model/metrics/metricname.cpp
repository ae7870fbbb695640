#include "metrics/metricname.h"

namespace mlwb {

namespace {

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

// Decodes one strict UTF-8 sequence at *p (no overlongs, surrogates or
// values past U+10FFFF); returns false on anything else.
bool decode(const unsigned char *&p, const unsigned char *end, char32_t *out)
{
    const unsigned char lead = *p++;
    int more = 0;
    char32_t c = 0, min = 0;
    if (lead < 0x80) {
        *out = lead;
        return true;
    }
    if (lead >= 0xc2 && lead <= 0xdf) {
        more = 1, c = lead & 0x1f, min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        more = 2, c = lead & 0x0f, min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        more = 3, c = lead & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (end - p < more)
        return false;
    for (int i = 0; i < more; ++i, ++p) {
        if ((*p & 0xc0) != 0x80)
            return false;
        c = c << 6 | (*p & 0x3f);
    }
    *out = c;
    return c >= min && c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff);
}

} // namespace

bool MetricName::isValid(QByteArrayView utf8)
{
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    const auto *end = p + utf8.size();
    while (p < end) {
        char32_t c = 0;
        if (!decode(p, end, &c) || isControl(c))
            return false;
    }
    return true;
}

bool MetricName::isValid(QStringView name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (c.isHighSurrogate() && i + 1 < name.size() && name[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate() || isControl(c.unicode()))
            return false;
    }
    return true;
}

} // namespace mlwb
