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
long nhv_getinfo_long(CURL *handle, CURLINFO info);

#endif
