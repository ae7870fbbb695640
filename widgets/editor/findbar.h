#pragma once

#include <QPointer>
#include <QWidget>

class QsciScintilla;
class QLabel;
class QLineEdit;
class QToolButton;
class QPushButton;

namespace mlwb {

/// The find/replace strip under the editors: searches the current editor as
/// you type, with case, whole-word and regular-expression toggles. Esc closes.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    /// The editor searched; may be null. Not owned.
    void setEditor(QsciScintilla *editor);
    QsciScintilla *editor() const { return m_editor; }

    /// Shows the bar with the replace row hidden, focused on the find field.
    void showFind();
    /// Shows the bar with the replace row.
    void showReplace();

    void setFindText(const QString &text);
    QString findText() const;
    void setReplaceText(const QString &text);
    void setOptions(bool caseSensitive, bool wholeWord, bool regularExpression);

    bool findNext();
    bool findPrevious();
    /// Replaces the current match, then finds the next one.
    bool replace();
    /// Replaces every match in one undo step; returns how many.
    int replaceAll();
    /// How many times the find text occurs in the editor.
    int countMatches() const;

signals:
    void closed();

private:
    void open(bool withReplace);
    void close();
    bool find(bool forward, bool fromSelectionStart);
    void searchAsYouType();
    int searchFlags() const;
    bool patternIsValid() const;
    void showStatus(bool found);
    QToolButton *toggle(const QString &text, const QString &tip, const QString &name);

    QPointer<QsciScintilla> m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QToolButton *m_case;
    QToolButton *m_word;
    QToolButton *m_regex;
    QLabel *m_status;
    QWidget *m_replaceRow;
};

} // namespace mlwb
