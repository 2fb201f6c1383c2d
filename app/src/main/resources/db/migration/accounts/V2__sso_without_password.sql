-- Accounts of single sign-on log in through the city's identity provider and have no password: the login form and
-- HTTP Basic treat an account without a hash like an unknown user name.
alter table accounts.user_account
    alter column password_hash drop not null;
