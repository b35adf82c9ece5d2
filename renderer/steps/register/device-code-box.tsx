import { useApp } from '../../store';

/** The device-code prompt Azure sent while sign-in waits. */
export function DeviceCodeBox() {
  const prompt = useApp((s) => s.reg.deviceCode);
  if (!prompt) return null;
  return (
    <div className="device-code" role="status" data-testid="device-code">
      <p>
        On a device with a browser, open <code>{prompt.verificationUri}</code> and enter this code:
      </p>
      <p className="device-code-value">{prompt.userCode}</p>
      <p className="muted">{prompt.message}</p>
    </div>
  );
}
