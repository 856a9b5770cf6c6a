const crypto = require('crypto');

// Attributes for the widget's script tag, for the signed-in customer. Sign on your server, never in a browser.
function parleyIdentity(userId, email, secret = process.env.PARLEY_WIDGET_SECRET) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = crypto.createHmac('sha256', secret)
    .update(`${userId}\n${email}\n${timestamp}`, 'utf8')
    .digest('hex');
  return {
    'data-parley-user-id': userId, 'data-parley-user-email': email,
    'data-parley-user-timestamp': timestamp, 'data-parley-user-signature': signature
  };
}

if (require.main === module) {
  console.log(JSON.stringify(parleyIdentity(process.argv[2], process.argv[3])));
}
module.exports = { parleyIdentity };
