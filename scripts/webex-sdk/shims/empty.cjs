/**
 * An empty module for Node built-ins the browser bundle reaches only through code it never runs (`fs` in
 * `strtok3`'s file reader, which `file-type` offers for Node paths; the SDK hands it buffers and blobs).
 */
module.exports = {};
