package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Entries live under the layout's version and the shape of their JSON, which nobody has to remember to move. */
class CacheKeysTest {
    /** The JSON of a value as one release writes it. */
    static final class Release1 {
        record ValueJson(String id, String note) {
        }
    }

    /** The next release adds a member. */
    static final class Release2 {
        record ValueJson(String id, String note, String location) {
        }
    }

    /** Another changes a member's type. */
    static final class Release3 {
        record ValueJson(String id, long note) {
        }
    }

    /** Another renames one. */
    static final class Release4 {
        record ValueJson(String id, String remark) {
        }
    }

    @Test
    void entriesLiveUnderTheLayoutVersionAndTheShapeOfTheValuesJson() {
        assertThat(CacheKeys.ENTRY_PREFIX).matches("att:\\{att\\}:v5\\.[A-Za-z0-9_-]{8}:")
                .contains(CachedJson.SHAPE);
    }

    @Test
    void theShapeMovesWithAMemberAddedRetypedOrRenamedAndWithNothingElse() {
        String first = CachedJson.shapeOf(List.of(Release1.ValueJson.class));

        assertThat(CachedJson.shapeOf(List.of(Release1.ValueJson.class))).isEqualTo(first);
        assertThat(List.of(Release2.ValueJson.class, Release3.ValueJson.class, Release4.ValueJson.class))
                .allSatisfy(next -> assertThat(CachedJson.shapeOf(List.of(next))).as(next.getName()).isNotEqualTo(first));
        assertThat(CachedJson.shapeOf(List.of(Release1.ValueJson.class, Release2.ValueJson.class)))
                .as("in whatever order the records are found")
                .isEqualTo(CachedJson.shapeOf(List.of(Release2.ValueJson.class, Release1.ValueJson.class)));
    }
}
