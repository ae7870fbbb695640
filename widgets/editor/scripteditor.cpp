#include "editor/scripteditor.h"

#include "store/storagemedium.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexeryaml.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QSaveFile>
#include <QStringDecoder>
#include <QTimer>

namespace mlwb {

namespace {

// A light scheme in the spirit of common IDE defaults: one colour per role,
// shared by all the languages we colour.
enum class Role { Comment, Keyword, String, Number, Definition, Name, Decorator, Operator, Error };

QColor colour(Role role)
{
    switch (role) {
    case Role::Comment:
        return QColor(0x6a, 0x73, 0x7d);
    case Role::Keyword:
        return QColor(0x00, 0x33, 0xb3);
    case Role::String:
        return QColor(0x06, 0x7d, 0x17);
    case Role::Number:
        return QColor(0xa3, 0x41, 0x0a);
    case Role::Definition:
        return QColor(0x00, 0x62, 0x7a);
    case Role::Name:
        return QColor(0x87, 0x10, 0x94);
    case Role::Decorator:
        return QColor(0x9e, 0x88, 0x0d);
    case Role::Operator:
        return QColor(0x44, 0x44, 0x44);
    case Role::Error:
        return QColor(0xc0, 0x1c, 0x28);
    }
    return Qt::black;
}

const QColor textColour(0x1f, 0x23, 0x28);
const QColor paperColour(Qt::white);

struct StyleRole {
    int style;
    Role role;
};

enum class Language { Plain, Python, Yaml, Shell, Json };

Language languageFor(const QString &path, const QByteArray &head)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("py") || suffix == QLatin1String("pyw")
        || suffix == QLatin1String("pyi"))
        return Language::Python;
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return Language::Yaml;
    if (suffix == QLatin1String("sh") || suffix == QLatin1String("bash"))
        return Language::Shell;
    if (suffix == QLatin1String("json") || suffix == QLatin1String("ipynb"))
        return Language::Json;
    // Scripts without a suffix say what they are on their first line.
    if (suffix.isEmpty() && head.startsWith("#!"))
        return head.contains("python") ? Language::Python : Language::Shell;
    return Language::Plain;
}

QList<StyleRole> pythonRoles()
{
    using L = QsciLexerPython;
    return {{L::Comment, Role::Comment},
            {L::CommentBlock, Role::Comment},
            {L::Keyword, Role::Keyword},
            {L::Number, Role::Number},
            {L::DoubleQuotedString, Role::String},
            {L::SingleQuotedString, Role::String},
            {L::TripleSingleQuotedString, Role::String},
            {L::TripleDoubleQuotedString, Role::String},
            {L::DoubleQuotedFString, Role::String},
            {L::SingleQuotedFString, Role::String},
            {L::TripleSingleQuotedFString, Role::String},
            {L::TripleDoubleQuotedFString, Role::String},
            {L::UnclosedString, Role::Error},
            {L::ClassName, Role::Definition},
            {L::FunctionMethodName, Role::Definition},
            {L::HighlightedIdentifier, Role::Name},
            {L::Decorator, Role::Decorator},
            {L::Operator, Role::Operator}};
}

QList<StyleRole> yamlRoles()
{
    using L = QsciLexerYAML;
    return {{L::Comment, Role::Comment},        {L::Identifier, Role::Name},
            {L::Keyword, Role::Keyword},        {L::Number, Role::Number},
            {L::Reference, Role::Decorator},    {L::DocumentDelimiter, Role::Comment},
            {L::TextBlockMarker, Role::String}, {L::SyntaxErrorMarker, Role::Error},
            {L::Operator, Role::Operator}};
}

QList<StyleRole> shellRoles()
{
    using L = QsciLexerBash;
    return {{L::Comment, Role::Comment},
            {L::Keyword, Role::Keyword},
            {L::Number, Role::Number},
            {L::DoubleQuotedString, Role::String},
            {L::SingleQuotedString, Role::String},
            {L::HereDocumentDelimiter, Role::String},
            {L::SingleQuotedHereDocument, Role::String},
            {L::Scalar, Role::Name},
            {L::ParameterExpansion, Role::Name},
            {L::Backticks, Role::Decorator},
            {L::Operator, Role::Operator},
            {L::Error, Role::Error}};
}

QList<StyleRole> jsonRoles()
{
    using L = QsciLexerJSON;
    return {{L::Number, Role::Number},          {L::String, Role::String},
            {L::UnclosedString, Role::Error},   {L::Property, Role::Name},
            {L::EscapeSequence, Role::Keyword}, {L::CommentLine, Role::Comment},
            {L::CommentBlock, Role::Comment},   {L::Operator, Role::Operator},
            {L::Keyword, Role::Keyword},        {L::Error, Role::Error}};
}

QsciLexer *createLexer(Language language, QObject *parent, QList<StyleRole> *roles)
{
    switch (language) {
    case Language::Python: {
        auto *lexer = new QsciLexerPython(parent);
        lexer->setIndentationWarning(QsciLexerPython::Inconsistent);
        *roles = pythonRoles();
        return lexer;
    }
    case Language::Yaml:
        *roles = yamlRoles();
        return new QsciLexerYAML(parent);
    case Language::Shell:
        *roles = shellRoles();
        return new QsciLexerBash(parent);
    case Language::Json:
        *roles = jsonRoles();
        return new QsciLexerJSON(parent);
    case Language::Plain:
        break;
    }
    return nullptr;
}

QByteArray hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

const QByteArray utf8Bom("\xEF\xBB\xBF");

// Strict UTF-8: a file we cannot decode exactly we would corrupt on save.
bool decodeUtf8(const QByteArray &bytes, QString *text)
{
    if (bytes.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *text = decoder(bytes);
    return !decoder.hasError();
}

} // namespace

ScriptEditor::ScriptEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this))
{
    setUtf8(true);
    setUpLook();
    m_settle->setSingleShot(true);
    m_settle->setInterval(150);
    connect(m_settle, &QTimer::timeout, this, &ScriptEditor::checkDisk);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle,
            qOverload<>(&QTimer::start));
    connect(this, &QsciScintilla::modificationChanged, this,
            [this](bool modified) { emit dirtyChanged(modified || m_deleted); });
    connect(this, &QsciScintilla::linesChanged, this, &ScriptEditor::updateMarginWidth);
}

void ScriptEditor::setUpLook()
{
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setMarginsFont(font);
    setPaper(paperColour);
    setColor(textColour);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginsBackgroundColor(QColor(0xf6, 0xf8, 0xfa));
    setMarginsForegroundColor(QColor(0x8c, 0x95, 0x9f));
    setMarginWidth(1, 6);
    updateMarginWidth();
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(QColor(0xee, 0xf3, 0xfb));
    // Keep the current line visible while the find bar has the focus.
    SendScintilla(SCI_SETCARETLINEVISIBLEALWAYS, true);
    // A horizontal scroll bar only for lines that are really that long.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, true);
    setCaretForegroundColor(textColour);
    setSelectionBackgroundColor(QColor(0xc8, 0xdc, 0xf8));
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setMatchedBraceBackgroundColor(QColor(0xd4, 0xe9, 0xd4));
    setMatchedBraceForegroundColor(textColour);
    setUnmatchedBraceForegroundColor(colour(Role::Error));
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setIndentationWidth(4);
    setTabWidth(4);
    setBackspaceUnindents(true);
    setIndentationGuides(true);
    setIndentationGuidesForegroundColor(QColor(0xe1, 0xe4, 0xe8));
    setEolMode(QsciScintilla::EolUnix);
    setWrapMode(QsciScintilla::WrapNone);
    setFrameShape(QFrame::NoFrame);
}

void ScriptEditor::applyLexerFor(const QString &path)
{
    QFile head(path);
    const QByteArray firstLine = head.open(QIODevice::ReadOnly) ? head.readLine(200) : QByteArray();
    const Language language = languageFor(path, firstLine);
    QList<StyleRole> roles;
    QsciLexer *old = lexer();
    QsciLexer *next = createLexer(language, this, &roles);
    if (next) {
        const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        next->setDefaultFont(font);
        next->setFont(font); // all styles: some lexers default to proportional fonts
        next->setDefaultPaper(paperColour);
        next->setPaper(paperColour);
        next->setDefaultColor(textColour);
        next->setColor(textColour);
        QFont italic = font;
        italic.setItalic(true);
        for (const StyleRole &r : std::as_const(roles)) {
            next->setColor(colour(r.role), r.style);
            if (r.role == Role::Comment)
                next->setFont(italic, r.style);
        }
    }
    setLexer(next);
    delete old;
    if (!next)
        setUpLook(); // without a lexer the editor's own font and colours apply
    // YAML forbids tabs and both YAML and JSON read best with 2 columns.
    const bool narrow = language == Language::Yaml || language == Language::Json;
    setIndentationWidth(narrow ? 2 : 4);
}

void ScriptEditor::updateMarginWidth()
{
    const int digits = qMax(3, int(QString::number(lines()).size()));
    setMarginWidth(0, QString(digits + 1, QLatin1Char('9')));
}

QString ScriptEditor::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool ScriptEditor::isDirty() const
{
    return isModified() || m_deleted;
}

int ScriptEditor::currentLine() const
{
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

void ScriptEditor::releaseShortcuts(const QList<QKeySequence> &keys)
{
    for (const QKeySequence &sequence : keys) {
        if (sequence.isEmpty())
            continue;
        const int key = sequence[0].toCombined();
        QsciCommand *command = standardCommands()->boundTo(key);
        if (command && command->key() == key)
            command->setKey(0);
        else if (command)
            command->setAlternateKey(0);
    }
}

void ScriptEditor::goToLine(int line)
{
    const int target = qBound(0, line - 1, qMax(0, lines() - 1));
    const int onScreen = int(SendScintilla(SCI_LINESONSCREEN));
    const int first = firstVisibleLine();
    if (target < first || target >= first + onScreen)
        setFirstVisibleLine(qMax(0, target - onScreen / 2));
    setCursorPosition(target, 0);
    ensureLineVisible(target);
}

bool ScriptEditor::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    QString text;
    if (!decodeUtf8(bytes, &text)) {
        *error = tr("%1 is not UTF-8 text, so it cannot be edited here.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_deleted = false;
    applyLexerFor(m_path);
    showBytes(bytes);
    setDiskState(bytes);
    watch();
    emit filePathChanged(m_path);
    return true;
}

bool ScriptEditor::reload(QString *error)
{
    const int line = currentLine();
    const int top = firstVisibleLine();
    if (!load(m_path, error))
        return false;
    setFirstVisibleLine(top);
    setCursorPosition(qMin(line - 1, lines() - 1), 0);
    return true;
}

void ScriptEditor::showBytes(const QByteArray &bytes)
{
    m_bom = bytes.startsWith(utf8Bom);
    const QByteArray body = m_bom ? bytes.mid(utf8Bom.size()) : bytes;
    setEolMode(body.contains("\r\n") ? EolWindows : EolUnix);
    setText(QString::fromUtf8(body));
    setModified(false);
    updateMarginWidth();
}

void ScriptEditor::setDiskState(const QByteArray &bytes)
{
    m_diskHash = hashOf(bytes);
    const bool wasDeleted = m_deleted;
    m_deleted = false;
    if (wasDeleted)
        emit dirtyChanged(isDirty());
}

bool ScriptEditor::save(QString *error)
{
    if (m_path.isEmpty()) {
        *error = tr("The file has no name yet; use Save As.");
        return false;
    }
    return writeFile(m_path, error);
}

bool ScriptEditor::saveAs(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!writeFile(absolute, error))
        return false;
    m_path = absolute;
    applyLexerFor(m_path);
    watch();
    emit filePathChanged(m_path);
    return true;
}

bool ScriptEditor::writeFile(const QString &path, QString *error)
{
    // Tools and diffs expect text files to end with a newline.
    const QString current = text();
    if (!current.isEmpty() && !current.endsWith(QLatin1Char('\n'))
        && !current.endsWith(QLatin1Char('\r')))
        append(eolMode() == EolWindows ? QStringLiteral("\r\n") : QStringLiteral("\n"));
    const QByteArray bytes = (m_bom ? utf8Bom : QByteArray()) + text().toUtf8();
    QSaveFile file(path);
    QString reason;
    if (!file.open(QIODevice::WriteOnly) || !storage::writeAll(file, bytes, &reason)
        || !file.commit()) {
        *error = tr("Could not save %1: %2")
                     .arg(QDir::toNativeSeparators(path),
                          reason.isEmpty() ? file.errorString() : reason);
        return false;
    }
    // Record the bytes before the watcher reports our own write.
    setDiskState(bytes);
    setModified(false);
    return true;
}

void ScriptEditor::watch()
{
    // The file while it exists (an atomic save replaces it, so re-add it);
    // its folder while it is missing, to see it come back.
    QStringList wanted;
    if (!m_path.isEmpty())
        wanted << (QFileInfo::exists(m_path) ? m_path : QFileInfo(m_path).absolutePath());
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    for (const QString &path : watched) {
        if (!wanted.contains(path))
            m_watcher->removePath(path);
    }
    for (const QString &path : std::as_const(wanted)) {
        if (!watched.contains(path))
            m_watcher->addPath(path);
    }
}

void ScriptEditor::checkDisk()
{
    if (m_path.isEmpty())
        return;
    watch();
    QFile file(m_path);
    if (!file.exists()) {
        if (!m_deleted) {
            m_deleted = true;
            emit dirtyChanged(true);
            emit fileDeleted();
        }
        return;
    }
    if (!file.open(QIODevice::ReadOnly))
        return; // perhaps mid-write; the next event tries again
    const QByteArray bytes = file.readAll();
    if (hashOf(bytes) == m_diskHash) {
        setDiskState(bytes); // our own save, or the file came back unchanged
        return;
    }
    QString text;
    if (!isModified() && decodeUtf8(bytes, &text)) {
        QString error;
        reload(&error);
        return;
    }
    // Remember this version so one change is reported once.
    setDiskState(bytes);
    emit externalChange();
}

void ScriptEditor::showReadOnly(const QString &fileName, const QByteArray &content)
{
    applyLexerFor(fileName);
    setText(QString::fromUtf8(content));
    setModified(false);
    setReadOnly(true);
}

} // namespace mlwb
