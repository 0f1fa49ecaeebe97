#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <memory>

namespace gatehouse {

// A fixed-size buffer for key material, passphrases and other secrets. It never reallocates (so no stale
// copies are left behind), is locked in memory when the system allows, cannot be copied by accident, and is
// scrubbed with OPENSSL_cleanse when destroyed.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    SecureBytes(const unsigned char* data, std::size_t size);
    ~SecureBytes();

    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;

    SecureBytes clone() const { return SecureBytes(data(), size()); }

    unsigned char* data() { return m_data.get(); }
    const unsigned char* data() const { return m_data.get(); }
    char* chars() { return reinterpret_cast<char*>(m_data.get()); }
    const char* chars() const { return reinterpret_cast<const char*>(m_data.get()); }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const { return QByteArrayView(chars(), static_cast<qsizetype>(m_size)); }

    // Shortens the logical size without reallocating; the cut-off tail is scrubbed.
    void truncate(std::size_t size);

    // Constant-time comparison; sizes are not secret.
    bool equals(const SecureBytes& other) const;

    // Lower-case hex of the contents, in a new secure buffer.
    SecureBytes toHex() const;
    // Decodes hex digits (either case); empty result and false on anything else.
    static bool fromHex(QByteArrayView hex, SecureBytes& out);

private:
    void release();

    std::unique_ptr<unsigned char[]> m_data;
    std::size_t m_size = 0;
    bool m_locked = false;
};

} // namespace gatehouse
