// Typed, non-variadic wrappers over libcurl's variadic setters, which Swift cannot call.
#ifndef NHACVIEC_CCURLSHIM_H
#define NHACVIEC_CCURLSHIM_H

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*nhv_data_callback)(char *buffer, size_t size, size_t count, void *owner);
typedef int (*nhv_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *owner);

CURLcode nhv_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode nhv_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode nhv_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode nhv_setopt_write(CURL *handle, nhv_data_callback callback, void *owner);
CURLcode nhv_setopt_read(CURL *handle, nhv_data_callback callback, void *owner);
CURLcode nhv_setopt_debug(CURL *handle, nhv_debug_callback callback, void *owner);
/// Called at least once a second while a transfer runs, stalled or not; non-zero aborts it.
typedef int (*nhv_progress_callback)(void *owner);
/// Told of each socket libcurl opens (after it is made) and must close (the callback closes it).
typedef void (*nhv_socket_callback)(void *owner, curl_socket_t socket, int opened);

CURLcode nhv_setopt_progress(CURL *handle, nhv_progress_callback callback, void *owner);
CURLcode nhv_setopt_sockets(CURL *handle, nhv_socket_callback callback, void *owner);
long nhv_getinfo_long(CURL *handle, CURLINFO info);

#endif
