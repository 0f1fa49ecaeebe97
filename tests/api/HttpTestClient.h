#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

// Reads raw HTTP/1.1 responses from a socket with blocking waits, the way a strict client would: the status
// line, the headers, and a Content-Length or chunked body.
struct RawResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool complete = false;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

class RawReader
{
public:
    explicit RawReader(QAbstractSocket& socket) : m_socket(socket) {}

    // Waits up to `timeoutMs` for one whole response.
    RawResponse next(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        RawResponse r;
        for (;;) {
            if (tryParse(r))
                return r;
            const int left = timeoutMs - int(t.elapsed());
            if (left <= 0)
                return r;
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(left)) {
                m_buffer += m_socket.readAll();
                if (tryParse(r))
                    return r;
                return r;
            }
            m_buffer += m_socket.readAll();
        }
    }

    // True when the server closed the connection within `timeoutMs` (reading and dropping whatever comes).
    bool closedWithin(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                return true;
            m_socket.waitForReadyRead(std::max(1, timeoutMs - int(t.elapsed())));
            m_buffer += m_socket.readAll();
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

    QByteArray& buffer() { return m_buffer; }

private:
    bool tryParse(RawResponse& r)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        r = RawResponse();
        r.status = status.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
        qsizetype pos = end + 4;
        if (r.header("transfer-encoding") == "chunked") {
            QByteArray body;
            for (;;) {
                const qsizetype eol = m_buffer.indexOf("\r\n", pos);
                if (eol < 0)
                    return false;
                bool ok = false;
                const qsizetype size = m_buffer.mid(pos, eol - pos).toLongLong(&ok, 16);
                if (!ok)
                    return false;
                if (m_buffer.size() < eol + 2 + size + 2)
                    return false;
                body += m_buffer.mid(eol + 2, size);
                pos = eol + 2 + size + 2;
                if (size == 0)
                    break;
            }
            r.body = body;
        } else {
            const qsizetype length = r.header("content-length").toLongLong();
            if (m_buffer.size() < pos + length)
                return false;
            r.body = m_buffer.mid(pos, length);
            pos += length;
        }
        r.complete = true;
        m_buffer.remove(0, pos);
        return true;
    }

    QAbstractSocket& m_socket;
    QByteArray m_buffer;
};
