package ru.paragraf.sferum.school.oneroster;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The readable CSV tables of a package and the manifest's mode of each file. */
record RosterPackage(Map<OneRosterFile, FileMode> modes, Map<OneRosterFile, CsvTable> tables) {

    private static final List<String> VERSIONS = List.of("1.2", "1.1");

    /** Reads the manifest and the files it declares; what cannot be read is reported and left out. */
    static RosterPackage read(PackageArchive archive, Problems problems) {
        var modes = manifest(archive, problems);
        var tables = new EnumMap<OneRosterFile, CsvTable>(OneRosterFile.class);
        for (var file : OneRosterFile.values()) {
            var mode = modes.get(file);
            var present = archive.has(file.fileName());
            if (mode != FileMode.ABSENT && !present) {
                problems.add(Problem.ofFile(file.fileName(), "declaredButMissing"));
            } else if (mode == FileMode.ABSENT && present) {
                problems.add(Problem.ofFile(file.fileName(), "presentButAbsent"));
            } else if (mode == FileMode.ABSENT && file.required()) {
                problems.add(Problem.ofFile(file.fileName(), "missingFile"));
            } else if (present) {
                CsvReader.read(
                                file.fileName(),
                                archive.get(file.fileName()),
                                file.requiredColumns(),
                                file::knows,
                                problems)
                        .ifPresent(table -> tables.put(file, table));
            }
        }
        return new RosterPackage(modes, tables);
    }

    Optional<CsvTable> table(OneRosterFile file) {
        return Optional.ofNullable(tables.get(file));
    }

    List<CsvRow> rows(OneRosterFile file) {
        return table(file).map(CsvTable::rows).orElse(List.of());
    }

    boolean isBulk(OneRosterFile file) {
        return modes.get(file) == FileMode.BULK;
    }

    boolean isDelta(OneRosterFile file) {
        return modes.get(file) == FileMode.DELTA;
    }

    private static Map<OneRosterFile, FileMode> manifest(PackageArchive archive, Problems problems) {
        var modes = new EnumMap<OneRosterFile, FileMode>(OneRosterFile.class);
        for (var file : OneRosterFile.values()) {
            modes.put(file, archive.has(file.fileName()) ? FileMode.BULK : FileMode.ABSENT);
        }
        if (!archive.has(OneRosterFile.MANIFEST)) {
            problems.add(Problem.ofFile(OneRosterFile.MANIFEST, "missingFile"));
            return modes;
        }
        var manifest = CsvReader.read(
                OneRosterFile.MANIFEST,
                archive.get(OneRosterFile.MANIFEST),
                List.of("propertyName", "value"),
                column -> column.equals("propertyName") || column.equals("value"),
                problems);
        if (manifest.isEmpty()) {
            return modes;
        }
        var version = false;
        for (var row : manifest.get().rows()) {
            var property = row.get("propertyName");
            if (property.equals("oneroster.version")) {
                version = true;
                if (!VERSIONS.contains(row.get("value"))) {
                    problems.at(row, "value", "manifestVersion");
                }
            }
            for (var file : OneRosterFile.values()) {
                if (property.equals(file.manifestKey())) {
                    modeOf(row, problems).ifPresent(mode -> modes.put(file, mode));
                }
            }
        }
        if (!version) {
            problems.add(Problem.ofFile(OneRosterFile.MANIFEST, "manifestNoVersion"));
        }
        return modes;
    }

    private static Optional<FileMode> modeOf(CsvRow row, Problems problems) {
        switch (row.get("value")) {
            case "bulk":
                return Optional.of(FileMode.BULK);
            case "delta":
                return Optional.of(FileMode.DELTA);
            case "absent":
                return Optional.of(FileMode.ABSENT);
            default:
                problems.at(row, "value", "manifestMode");
                return Optional.empty();
        }
    }
}
