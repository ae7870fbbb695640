#include "registry/frameworkguess.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace mlwb::framework {

namespace {

// How an opcode's argument is laid out in the stream.
enum class Arg { None, Fixed, Line, TwoLines, Length1, Length4, Length8, Unknown };

struct OpArg {
    Arg kind;
    int size; // Fixed: bytes
};

OpArg argumentOf(unsigned char op)
{
    switch (op) {
    case '(':
    case '.':
    case '0':
    case '1':
    case '2':
    case 'N':
    case 'Q':
    case 'R':
    case 'a':
    case 'b':
    case 'd':
    case '}':
    case 'e':
    case 'l':
    case ']':
    case 'o':
    case 's':
    case 't':
    case ')':
    case 'u':
    case 0x81:
    case 0x85:
    case 0x86:
    case 0x87:
    case 0x88:
    case 0x89:
    case 0x8f:
    case 0x90:
    case 0x91:
    case 0x92:
    case 0x93:
    case 0x94:
    case 0x97:
    case 0x98:
        return {Arg::None, 0};
    case 'K':
    case 'h':
    case 'q':
    case 0x80:
    case 0x82:
        return {Arg::Fixed, 1};
    case 'M':
    case 0x83:
        return {Arg::Fixed, 2};
    case 'J':
    case 'j':
    case 'r':
    case 0x84:
        return {Arg::Fixed, 4};
    case 'G':
    case 0x95:
        return {Arg::Fixed, 8};
    case 'F':
    case 'I':
    case 'L':
    case 'P':
    case 'S':
    case 'V':
    case 'g':
    case 'p':
        return {Arg::Line, 0};
    case 'c':
    case 'i':
        return {Arg::TwoLines, 0};
    case 'U':
    case 'C':
    case 0x8a:
    case 0x8c:
        return {Arg::Length1, 0};
    case 'T':
    case 'X':
    case 'B':
    case 0x8b:
        return {Arg::Length4, 0};
    case 0x8d:
    case 0x8e:
    case 0x96:
        return {Arg::Length8, 0};
    }
    return {Arg::Unknown, 0};
}

qint64 littleEndian(const QByteArray &bytes)
{
    qint64 value = 0;
    for (int i = bytes.size() - 1; i >= 0; --i)
        value = (value << 8) | quint8(bytes[i]);
    return value;
}

// Walks the opcodes; the last two strings pushed feed STACK_GLOBAL, and the
// memo keeps strings a later BINGET brings back.
class PickleWalker
{
public:
    explicit PickleWalker(QFile &file)
        : m_file(file)
    {}

    QStringList modules()
    {
        constexpr int maxOpcodes = 1 << 20;
        for (int i = 0; i < maxOpcodes && step(); ++i) {
        }
        return m_modules;
    }

private:
    bool step()
    {
        char op = 0;
        if (!m_file.getChar(&op))
            return false;
        const auto code = static_cast<unsigned char>(op);
        const OpArg arg = argumentOf(code);
        // Memo and framing opcodes leave the stack's top as it was.
        const bool keepsTop = code == 0x94 || code == 'q' || code == 'r' || code == 'p'
                              || code == 0x95 || code == 0x80;
        if (!keepsTop)
            m_topIsString = false;
        switch (arg.kind) {
        case Arg::Unknown:
            return false;
        case Arg::None:
            return none(code);
        case Arg::Fixed:
            return fixed(code, m_file.read(arg.size), arg.size);
        case Arg::Line: {
            const QByteArray line = readLine();
            if (code == 'S' || code == 'V')
                push(QString::fromUtf8(line).remove(QLatin1Char('\'')));
            if (code == 'p')
                memoize(line.toLongLong());
            return true;
        }
        case Arg::TwoLines: {
            const QByteArray module = readLine();
            readLine();
            m_modules << QString::fromUtf8(module);
            return true;
        }
        case Arg::Length1:
            return payload(code, littleEndian(m_file.read(1)));
        case Arg::Length4:
            return payload(code, littleEndian(m_file.read(4)));
        case Arg::Length8:
            return payload(code, littleEndian(m_file.read(8)));
        }
        return false;
    }

    bool none(unsigned char code)
    {
        if (code == '.')
            return false;                          // STOP
        if (code == 0x93 && m_strings.size() >= 2) // STACK_GLOBAL: module, name
            m_modules << m_strings[m_strings.size() - 2];
        if (code == 0x94) // MEMOIZE: the next free index
            memoize(m_memoCount);
        return true;
    }

    bool fixed(unsigned char code, const QByteArray &bytes, int size)
    {
        if (bytes.size() != size)
            return false;
        if (code == 'h' || code == 'j') { // BINGET, LONG_BINGET
            const auto it = m_memo.constFind(littleEndian(bytes));
            if (it != m_memo.constEnd())
                push(*it);
        }
        if (code == 'q' || code == 'r') // BINPUT, LONG_BINPUT
            memoize(littleEndian(bytes));
        return true;
    }

    bool payload(unsigned char code, qint64 length)
    {
        if (length < 0 || length > m_file.size() - m_file.pos())
            return false;
        const bool text = code == 'X' || code == 0x8c || code == 0x8d || code == 'U' || code == 'T';
        if (text && length <= 4096) {
            push(QString::fromUtf8(m_file.read(length)));
            return true;
        }
        return m_file.seek(m_file.pos() + length);
    }

    // A line argument without its newline; only its start is kept, however long.
    QByteArray readLine()
    {
        QByteArray kept;
        for (;;) {
            const QByteArray part = m_file.readLine(4096);
            if (kept.size() < 4096)
                kept += part;
            if (part.isEmpty() || part.endsWith('\n'))
                break;
        }
        return kept.left(kept.indexOf('\n'));
    }

    void push(const QString &text)
    {
        m_strings << text;
        if (m_strings.size() > 2)
            m_strings.removeFirst();
        m_topIsString = true;
    }

    void memoize(qint64 index)
    {
        if (m_topIsString)
            m_memo.insert(index, m_strings.last());
        m_memoCount = index + 1;
    }

    QFile &m_file;
    QStringList m_modules;
    QStringList m_strings;
    QHash<qint64, QString> m_memo;
    qint64 m_memoCount = 0;
    bool m_topIsString = false;
};

QString fromModules(const QStringList &modules)
{
    const QList<QPair<const char *, const char *>> roots = {
        {"xgboost", "xgboost"},       {"lightgbm", "lightgbm"}, {"torch", "pytorch"},
        {"tensorflow", "tensorflow"}, {"keras", "tensorflow"},  {"sklearn", "scikit-learn"}};
    for (const auto &root : roots) {
        for (const QString &module : modules) {
            const QString top = module.section(QLatin1Char('.'), 0, 0);
            if (top == QLatin1String(root.first))
                return QLatin1String(root.second);
        }
    }
    return {};
}

} // namespace

QStringList known()
{
    return {QStringLiteral("scikit-learn"), QStringLiteral("pytorch"), QStringLiteral("tensorflow"),
            QStringLiteral("onnx"),         QStringLiteral("xgboost"), QStringLiteral("lightgbm"),
            QStringLiteral("custom")};
}

QStringList pickleModules(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return PickleWalker(file).modules();
}

QString guess(const QString &root, const QStringList &paths)
{
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName().toLower();
        const QString suffix = QFileInfo(name).suffix();
        if (name == QLatin1String("saved_model.pb") || suffix == QLatin1String("h5")
            || suffix == QLatin1String("keras"))
            return QStringLiteral("tensorflow");
        if (suffix == QLatin1String("onnx"))
            return QStringLiteral("onnx");
        if (suffix == QLatin1String("pt") || suffix == QLatin1String("pth"))
            return QStringLiteral("pytorch");
    }
    // Pickles last: the module that made them decides.
    for (const QString &path : paths) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("pkl") || suffix == QLatin1String("pickle")
            || suffix == QLatin1String("joblib")) {
            const QString found = fromModules(pickleModules(root + QLatin1Char('/') + path));
            if (!found.isEmpty())
                return found;
        }
        if (suffix == QLatin1String("ubj") || suffix == QLatin1String("xgb"))
            return QStringLiteral("xgboost");
    }
    return QStringLiteral("custom");
}

} // namespace mlwb::framework
