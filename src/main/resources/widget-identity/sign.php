<?php
// Attributes for the widget's script tag, for the signed-in customer. Sign on your server, never in a browser.
function parley_identity(string $userId, string $email, ?string $secret = null): array
{
    $secret = $secret ?? getenv('PARLEY_WIDGET_SECRET');
    $timestamp = (string) time();
    $signature = hash_hmac('sha256', $userId . "\n" . $email . "\n" . $timestamp, $secret);
    return [
        'data-parley-user-id' => $userId, 'data-parley-user-email' => $email,
        'data-parley-user-timestamp' => $timestamp, 'data-parley-user-signature' => $signature,
    ];
}

if (PHP_SAPI === 'cli' && isset($argv) && realpath($argv[0]) === __FILE__) {
    echo json_encode(parley_identity($argv[1], $argv[2])), "\n";
}
