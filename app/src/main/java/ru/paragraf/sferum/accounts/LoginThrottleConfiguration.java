package ru.paragraf.sferum.accounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one password login of the application: the stored accounts and their hashes behind {@link ThrottledLogins}.
 * Being the only {@link AuthenticationProvider} bean, it is what Spring Security's global authentication manager
 * uses for the form and HTTP Basic alike; single sign-on has providers of its own and is not throttled here (the
 * identity provider throttles its own logins).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottleConfiguration {

    @Bean
    AuthenticationProvider throttledLogins(Accounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledLogins(passwords, throttle);
    }
}
