#pragma once

#include <QStringDecoder>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace mlwb {

/// A run's output.log as it grows: reads only the bytes added since the last
/// look (polling while the run is live), keeps a UTF-8 sequence split across
/// two reads whole, follows the end unless the user scrolled up, keeps at most
/// maximumLines() lines (saying so when older ones are dropped) and searches
/// with Ctrl+F.
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);

    /// Shows `path` from its start (it need not exist yet).
    void setFile(const QString &path);
    QString file() const { return m_path; }
    /// While live the file is polled every pollInterval() ms; turning it off
    /// reads what is left once more.
    void setLive(bool live);
    bool isLive() const { return m_poll.isActive(); }
    static constexpr int pollInterval() { return 200; }

    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);
    int maximumLines() const;
    void setMaximumLines(int lines);
    /// Bytes of the file shown so far.
    qint64 offset() const { return m_offset; }
    QString text() const;

public Q_SLOTS:
    /// Reads what was appended since the last call.
    void readNew();
    void findNext();
    void findPrevious();
    void showSearch();

private:
    QWidget *createSearchBar();
    void restart(qint64 from);
    bool readChunk(QByteArray *bytes, QString *error);
    void append(const QString &text);
    QString normalizeNewlines(QString text);
    void scrollToEnd();
    void onScrolled(int value);
    void find(bool backward);
    void highlightMatches();
    void updateNote();

    QString m_path;
    qint64 m_offset = 0;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    bool m_pendingCarriageReturn = false;
    bool m_following = true;
    bool m_scrolling = false; // our own scrolling, not the user's
    bool m_droppedHead = false;
    QString m_error;
    QTimer m_poll;
    QTimer m_highlightTimer;
    QPlainTextEdit *m_text;
    QLabel *m_note;
    QLineEdit *m_search;
    QLabel *m_matches;
    QToolButton *m_follow;
};

} // namespace mlwb
