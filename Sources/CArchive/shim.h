#include <archive.h>
#include <archive_entry.h>
// mallopt: reading archives maps large buffers (ArchivePipeline.largeBuffersMapped).
#include <malloc.h>
