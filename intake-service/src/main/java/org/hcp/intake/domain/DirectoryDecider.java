package org.hcp.intake.domain;

import static org.hcp.intake.domain.RatingDecider.blankToNull;
import static org.hcp.intake.domain.RatingDecider.parseEnum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hcp.events.Channel;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.RegionCodes;
import org.hcp.events.outcome.Violation;

/**
 * The pure core of the directory (R1.11): checks a set of registrations against the directory and each other, and
 * says which become new versions. All or nothing: one broken entry and nothing is recorded. An entry sent again
 * unchanged records nothing, so re-importing a file is harmless.
 */
public final class DirectoryDecider {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final int NAME_MAX = 200;
    /** An entry's attributes (docs/security.md): a few short facts, not documents. */
    static final int ATTRIBUTES_MAX = 20;
    static final int ATTRIBUTE_KEY_MAX = 64;
    static final int ATTRIBUTE_VALUE_MAX = 500;
    public static final int IMPORT_MAX = 5000;
    /** A DEVICE entry's attributes: its channel (R1.8) and, for a window rating pad, its window. */
    public static final String DEVICE_CHANNEL = "channel";
    public static final String DEVICE_WINDOW = "windowCode";
    static final List<String> DEVICE_CHANNELS = List.of(Channel.WINDOW_DEVICE.name(),
            Channel.SELF_SERVICE_TERMINAL.name());

    private DirectoryDecider() {
    }

    /** One entry as registered: the body of {@code POST /api/v1/directory/entries}, or one import row. */
    public record Registration(String kind, String code, String name, String regionCode, String institutionCode,
            Map<String, String> attributes, Boolean active) {
    }

    public record Decision(List<Violation> violations, List<DirectoryEntryRecorded> changes) {
        public boolean accepted() {
            return violations.isEmpty();
        }
    }

    /**
     * @param pointerBase "" for a single entry, "/entries" for an import: errors point at {@code /entries/3/code}
     */
    public static Decision decide(List<Registration> registrations, DirectoryEntry.Lookup directory, Instant now,
            String pointerBase) {
        List<Violation> errors = new ArrayList<>();
        if (registrations.size() > IMPORT_MAX) {
            return new Decision(List.of(Violation.of(pointerBase.isEmpty() ? "/" : pointerBase,
                    "directory.importTooLarge", IMPORT_MAX)), List.of());
        }
        // Entries of this request are visible to the ones after them, so a file may list a region, then its
        // institution, then the institution's windows.
        Map<String, DirectoryEntry> pending = new HashMap<>();
        DirectoryEntry.Lookup lookup = (kind, code) -> {
            DirectoryEntry p = pending.get(DirectoryEntryRecorded.key(kind, code));
            return p != null ? p : directory.find(kind, code);
        };
        Map<String, DirectoryEntryRecorded> changes = new LinkedHashMap<>();
        for (int i = 0; i < registrations.size(); i++) {
            String at = registrations.size() == 1 && pointerBase.isEmpty() ? "" : pointerBase + "/" + i;
            Registration r = registrations.get(i);
            if (r == null) {
                errors.add(Violation.of(at.isEmpty() ? "/" : at, "directory.entryNull"));
                continue;
            }
            int before = errors.size();
            DirectoryKind kind = parseEnum(errors, at + "/kind", r.kind(), DirectoryKind.class);
            if (r.kind() == null) {
                errors.add(Violation.of(at + "/kind", "directory.kindRequired", List.of(DirectoryKind.values())));
            }
            String code = blankToNull(r.code());
            if (code == null) {
                errors.add(Violation.of(at + "/code", "field.required"));
            } else if (kind == DirectoryKind.REGION ? !RegionCodes.isCode(code) : !CODE.matcher(code).matches()) {
                errors.add(Violation.of(at + "/code", kind == DirectoryKind.REGION
                        ? "directory.regionCodeFormat" : "directory.codeFormat"));
            }
            String name = blankToNull(r.name());
            if (name == null) {
                errors.add(Violation.of(at + "/name", "field.required"));
            } else if (name.length() > NAME_MAX) {
                errors.add(Violation.of(at + "/name", "field.tooLong", NAME_MAX));
            }
            String region = kind == DirectoryKind.REGION ? code : blankToNull(r.regionCode());
            String institution = blankToNull(r.institutionCode());
            if (kind != null && kind != DirectoryKind.REGION && errors.size() == before) {
                DirectoryEntry owner = null;
                if (kind == DirectoryKind.WINDOW || kind == DirectoryKind.STAFF || kind == DirectoryKind.DEVICE) {
                    owner = institution == null ? null : lookup.find(DirectoryKind.INSTITUTION, institution);
                    if (owner == null) {
                        errors.add(Violation.of(at + "/institutionCode", "directory.institutionUnknown",
                                kind, institution));
                    } else if (region == null) {
                        region = owner.regionCode();
                    }
                }
                if (kind != DirectoryKind.ITEM && region == null) {
                    errors.add(Violation.of(at + "/regionCode", "field.required"));
                } else if (region != null && lookup.find(DirectoryKind.REGION, region) == null) {
                    errors.add(Violation.of(at + "/regionCode", "directory.regionUnknown", region));
                }
            }
            checkAttributes(errors, at + "/attributes", r.attributes());
            if (kind == DirectoryKind.DEVICE && errors.size() == before) {
                checkDevice(errors, at, r.attributes(), institution, lookup);
            }
            if (errors.size() != before) {
                continue;
            }
            DirectoryEntry current = lookup.find(kind, code);
            boolean active = r.active() == null || r.active();
            Map<String, String> attributes = r.attributes() == null ? Map.of() : Map.copyOf(r.attributes());
            if (current != null && current.name().equals(name) && Objects.equals(current.regionCode(), region)
                    && Objects.equals(current.institutionCode(), institution) && current.attributes().equals(attributes)
                    && current.active() == active) {
                continue;
            }
            int version = current == null ? 1 : current.version() + 1;
            DirectoryEntryRecorded change = new DirectoryEntryRecorded(kind, code, version, name, region, institution,
                    attributes, active, now);
            changes.put(DirectoryEntryRecorded.key(kind, code), change);
            pending.put(DirectoryEntryRecorded.key(kind, code),
                    new DirectoryEntry(kind, code, version, name, region, institution, attributes, active));
        }
        if (!errors.isEmpty()) {
            return new Decision(List.copyOf(errors), List.of());
        }
        return new Decision(List.of(), List.copyOf(changes.values()));
    }

    /**
     * R1.8: a device says which channel it is; a window rating pad sits at one window of its own institution, so a
     * rating from it names that window. A kiosk serves the whole hall.
     */
    private static void checkDevice(List<Violation> errors, String at, Map<String, String> attributes,
            String institution, DirectoryEntry.Lookup lookup) {
        Map<String, String> a = attributes == null ? Map.of() : attributes;
        String channel = a.get(DEVICE_CHANNEL);
        if (channel == null || !DEVICE_CHANNELS.contains(channel)) {
            errors.add(Violation.of(at + "/attributes/" + DEVICE_CHANNEL, "directory.deviceChannel",
                    DEVICE_CHANNELS, channel));
            return;
        }
        String window = blankToNull(a.get(DEVICE_WINDOW));
        if (Channel.WINDOW_DEVICE.name().equals(channel)) {
            DirectoryEntry w = window == null ? null : lookup.find(DirectoryKind.WINDOW, window);
            if (w == null || !Objects.equals(w.institutionCode(), institution)) {
                errors.add(Violation.of(at + "/attributes/" + DEVICE_WINDOW, "directory.deviceWindow",
                        institution, window));
            }
        } else if (window != null) {
            errors.add(Violation.of(at + "/attributes/" + DEVICE_WINDOW, "directory.kioskWindow"));
        }
    }

    private static void checkAttributes(List<Violation> errors, String at, Map<String, String> attributes) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > ATTRIBUTES_MAX) {
            errors.add(Violation.of(at, "directory.attributesTooMany", ATTRIBUTES_MAX));
            return;
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String key = attribute.getKey();
            if (key == null || key.isBlank() || key.length() > ATTRIBUTE_KEY_MAX) {
                errors.add(Violation.of(at, "field.tooLong", ATTRIBUTE_KEY_MAX));
            } else if (attribute.getValue() != null && attribute.getValue().length() > ATTRIBUTE_VALUE_MAX) {
                errors.add(Violation.of(at + "/" + key, "field.tooLong", ATTRIBUTE_VALUE_MAX));
            }
        }
    }
}
