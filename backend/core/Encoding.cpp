#include "Encoding.h"

#include <openssl/rand.h>

#include <array>

namespace gatehouse::encoding {

namespace {
constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
}

QString base32(QByteArrayView bytes)
{
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (char c : bytes) {
        buffer = (buffer << 8) | static_cast<quint8>(c);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 31]));
    return out;
}

std::optional<QByteArray> fromBase32(QStringView text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (QChar qc : text) {
        const char16_t c = qc.toLower().unicode();
        int v;
        if (c >= u'a' && c <= u'z')
            v = c - u'a';
        else if (c >= u'2' && c <= u'7')
            v = c - u'2' + 26;
        else if (c == u'=' || c == u' ')
            continue;
        else
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<quint32>(v);
        bits += 5;
        if (bits >= 8) {
            out.append(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

quint32 crc32(QByteArrayView bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (char c : bytes)
        crc = table[(crc ^ static_cast<quint8>(c)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

QString newId(QStringView prefix)
{
    unsigned char raw[16];
    if (RAND_bytes(raw, sizeof raw) != 1)
        qFatal("the system random generator failed");
    return prefix.toString() + QLatin1Char('_') +
           base32(QByteArrayView(reinterpret_cast<const char*>(raw), sizeof raw));
}

} // namespace gatehouse::encoding
