// The notifications subscription over WebSocket, speaking graphql-transport-ws (the protocol Spring for GraphQL
// serves at /graphql-ws). The handshake carries the app's session cookie, which signs the connection in; its
// connection_init payload is empty. A dropped connection is tried again, waiting longer each time up to half a minute;
// missed notifications are not lost, they wait in the inbox.
const QUERY = `subscription { notifications { id kind createdAt read householdId organisation professional organisationCount
  address { postcode houseNumber houseNumberAddition } } }`;

export function subscribeToNotifications({ onNotification, onState }) {
  let socket;
  let stopped = false;
  let wait = 1000;

  function open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/graphql-ws`, 'graphql-transport-ws');
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        wait = 1000;
        socket.send(JSON.stringify({ id: 'notifications', type: 'subscribe', payload: { query: QUERY } }));
        onState('live');
      } else if (message.type === 'next' && message.payload?.data) {
        onNotification(message.payload.data.notifications);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'error') {
        onState('error');
      }
    });
    socket.addEventListener('close', (event) => {
      onState('offline');
      // 4401 and 4403: the credentials are not accepted, and trying again will not change that.
      if (stopped || event.code === 4401 || event.code === 4403) return;
      setTimeout(open, wait);
      wait = Math.min(wait * 2, 30000);
    });
  }

  open();
  return () => {
    stopped = true;
    socket.close(1000);
  };
}
