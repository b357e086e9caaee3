package io.attendance.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of an embedded server, made at its first start and kept in a properties file that
 * only its owner may read, so that later starts (and the data they guard) keep the same ones.
 */
final class GeneratedPasswords {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {
    }

    /**
     * The passwords named {@code names} kept in {@code file}; any missing is generated and the file
     * (re)written.
     */
    static Map<String, String> loadOrCreate(Path file, String... names) throws IOException {
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                kept.load(reader);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        boolean generated = false;
        for (String name : names) {
            String password = kept.getProperty(name);
            if (password == null || password.isEmpty()) {
                password = generate();
                kept.setProperty(name, password);
                generated = true;
            }
            passwords.put(name, password);
        }
        if (generated) {
            write(file, kept);
        }
        return passwords;
    }

    /** 32 random bytes in base64url: safe in a URL, a config file and SQL without quoting. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Written to a file created owner-only, then moved in place: the passwords are never readable by
     * others, and a crash leaves the old file or the new one, never half of one.
     */
    private static void write(Path file, Properties passwords) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (Writer writer = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
                passwords.store(writer, "generated at first start; the servers of this directory need them");
            }
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
