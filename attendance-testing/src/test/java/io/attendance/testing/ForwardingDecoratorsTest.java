package io.attendance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query added to a port comes as a default method, so the compiler no longer makes a decorator
 * forward it; without an override the decorator would answer it with the fallback instead of the
 * delegate's own implementation.
 */
class ForwardingDecoratorsTest {

    @ParameterizedTest
    @ValueSource(classes = {
            ForwardingAttendanceRecords.class, ForwardingEmployees.class, ForwardingPersistence.class,
            ForwardingUsers.class})
    void aDecoratorPassesOnEveryMethodOfItsPortDefaultOnesIncluded(Class<?> decorator) {
        Class<?> port = decorator.getInterfaces()[0];
        List<String> notPassedOn = Arrays.stream(port.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !declares(decorator, method))
                .map(Method::toGenericString)
                .toList();

        assertThat(notPassedOn).as("methods of %s that %s does not override", port.getSimpleName(),
                decorator.getSimpleName()).isEmpty();
    }

    private static boolean declares(Class<?> decorator, Method method) {
        try {
            decorator.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
