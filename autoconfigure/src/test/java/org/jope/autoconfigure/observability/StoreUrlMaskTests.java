package org.jope.autoconfigure.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A store URL is shown without its password, wherever the driver takes one. */
class StoreUrlMaskTests {

    @Test
    void masksAPasswordOption() {
        assertThat(StoreUrlMask.mask("jdbc:postgresql://db.example/jope?user=jope&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example/jope?user=jope&password=******&ssl=true");
        assertThat(StoreUrlMask.mask("jdbc:postgresql://db/jope?sslpassword=key&PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://db/jope?sslpassword=******&PASSWORD=******");
        assertThat(StoreUrlMask.mask("jdbc:h2:file:./var/data/jope;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./var/data/jope;USER=sa;PASSWORD=******;MODE=PostgreSQL");
    }

    @Test
    void masksThePasswordOfTheUserInfo() {
        assertThat(StoreUrlMask.mask("jdbc:postgresql://jope:s3cret@db.example:5432/jope"))
                .isEqualTo("jdbc:postgresql://jope:******@db.example:5432/jope");
        assertThat(StoreUrlMask.mask("jdbc:postgresql://jope:p@ss:word@db/jope"))
                .isEqualTo("jdbc:postgresql://jope:******@db/jope");
    }

    @Test
    void leavesAUrlWithoutPasswordAlone() {
        assertThat(StoreUrlMask.mask("jdbc:h2:file:/srv/jope/var/data/jope;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/srv/jope/var/data/jope;WRITE_DELAY=0");
        assertThat(StoreUrlMask.mask("jdbc:postgresql://jope@db.example/jope?user=jope"))
                .isEqualTo("jdbc:postgresql://jope@db.example/jope?user=jope");
    }

}
