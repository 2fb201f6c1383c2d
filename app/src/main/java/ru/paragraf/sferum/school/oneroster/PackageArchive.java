package ru.paragraf.sferum.school.oneroster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an uploaded ZIP, by name. Folders inside the archive are ignored (a package zipped together with its
 * folder still works); the uncompressed size is limited while reading, so a ZIP bomb stops early.
 */
record PackageArchive(Map<String, byte[]> files) {

    private static final int MAX_ENTRIES = 1000;

    static PackageArchive read(InputStream upload, long maxUncompressedBytes) {
        try (var zip = new ZipInputStream(upload, StandardCharsets.ISO_8859_1)) {
            var files = new HashMap<String, byte[]>();
            var budget = new long[] {maxUncompressedBytes};
            var entries = 0;
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw MalformedPackageException.tooLarge();
                }
                var name = baseName(entry.getName());
                var bytes = readEntry(zip, budget);
                if (!entry.isDirectory() && !entry.getName().startsWith("__MACOSX/") && !name.startsWith(".")) {
                    if (files.putIfAbsent(name, bytes) != null) {
                        throw MalformedPackageException.because("duplicateFile");
                    }
                }
            }
            if (entries == 0) {
                throw MalformedPackageException.because("notZip");
            }
            return new PackageArchive(Map.copyOf(files));
        } catch (ZipException | IllegalArgumentException e) {
            throw MalformedPackageException.because("damaged");
        } catch (IOException e) {
            throw MalformedPackageException.because("damaged");
        }
    }

    boolean has(String name) {
        return files.containsKey(name);
    }

    byte[] get(String name) {
        return files.getOrDefault(name, new byte[0]);
    }

    private static byte[] readEntry(InputStream zip, long[] budget) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            budget[0] -= n;
            if (budget[0] < 0) {
                throw MalformedPackageException.tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String baseName(String path) {
        var slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
