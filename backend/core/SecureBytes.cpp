#include "SecureBytes.h"

#include <openssl/crypto.h>
#include <sys/mman.h>

#include <cstring>

namespace gatehouse {

SecureBytes::SecureBytes(std::size_t size) : m_data(size ? new unsigned char[size]() : nullptr), m_size(size)
{
    // Best effort: keep secrets out of swap. Failure (RLIMIT_MEMLOCK) is not an error.
    if (m_size)
        m_locked = ::mlock(m_data.get(), m_size) == 0;
}

SecureBytes::SecureBytes(const unsigned char* data, std::size_t size) : SecureBytes(size)
{
    if (size)
        std::memcpy(m_data.get(), data, size);
}

SecureBytes::~SecureBytes()
{
    release();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::move(other.m_data)), m_size(other.m_size), m_locked(other.m_locked)
{
    other.m_size = 0;
    other.m_locked = false;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        m_locked = other.m_locked;
        other.m_size = 0;
        other.m_locked = false;
    }
    return *this;
}

void SecureBytes::release()
{
    if (m_data) {
        OPENSSL_cleanse(m_data.get(), m_size);
        if (m_locked)
            ::munlock(m_data.get(), m_size);
    }
    m_data.reset();
    m_size = 0;
    m_locked = false;
}

void SecureBytes::truncate(std::size_t size)
{
    if (size >= m_size)
        return;
    OPENSSL_cleanse(m_data.get() + size, m_size - size);
    // The allocation keeps its length for munlock; only the visible size shrinks.
    if (m_locked)
        ::munlock(m_data.get(), m_size);
    m_locked = size && ::mlock(m_data.get(), size) == 0;
    m_size = size;
}

bool SecureBytes::equals(const SecureBytes& other) const
{
    if (m_size != other.m_size)
        return false;
    return m_size == 0 || CRYPTO_memcmp(m_data.get(), other.m_data.get(), m_size) == 0;
}

SecureBytes SecureBytes::toHex() const
{
    static constexpr char digits[] = "0123456789abcdef";
    SecureBytes out(m_size * 2);
    for (std::size_t i = 0; i < m_size; ++i) {
        out.data()[2 * i] = static_cast<unsigned char>(digits[m_data[i] >> 4]);
        out.data()[2 * i + 1] = static_cast<unsigned char>(digits[m_data[i] & 0x0f]);
    }
    return out;
}

bool SecureBytes::fromHex(QByteArrayView hex, SecureBytes& out)
{
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    out = SecureBytes();
    if (hex.size() % 2 != 0)
        return false;
    SecureBytes decoded(static_cast<std::size_t>(hex.size() / 2));
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]);
        const int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        decoded.data()[i / 2] = static_cast<unsigned char>((hi << 4) | lo);
    }
    out = std::move(decoded);
    return true;
}

} // namespace gatehouse
