/**
 * The text input labelled "f(x)" for the network's custom activation. A text that compiles
 * applies at once (every custom neuron follows, weights kept); while it does not, the error
 * shows under the field and the last good expression stays in force. Leaving the field or
 * pressing Enter with a bad text also puts its message in the page's notices.
 */
import { useEffect, useId, useState } from 'react';
import { checkExpression } from '../../expr';
import { playgroundActions as act } from '../../state';
import { useCustomText } from '../customActivation';

export function CustomExpressionField({ autoFocus = false }: { autoFocus?: boolean }) {
  const current = useCustomText();
  const [text, setText] = useState(current);
  const errorId = useId();
  const check = checkExpression(text);
  // A change from elsewhere (a link, a file) shows here, unless the field already means it.
  useEffect(() => {
    setText((shown) => {
      const meant = checkExpression(shown);
      return meant.ok && meant.activation.text === current ? shown : current;
    });
  }, [current]);

  function edit(next: string) {
    setText(next);
    const result = checkExpression(next);
    if (result.ok && result.activation.text !== current) {
      act.set('customActivation', result.activation.text);
    }
  }
  function report() {
    if (!check.ok) act.pushNotice('error', check.message);
  }
  return (
    <div className="custom-expression">
      <label>
        <span className="custom-expression-label">f(x)</span>
        <input
          type="text"
          value={text}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          // Only right after "Custom: f(x)" was chosen: the next thing to do is type f.
          autoFocus={autoFocus}
          aria-invalid={!check.ok}
          aria-describedby={errorId}
          onChange={(event) => edit(event.target.value)}
          onBlur={report}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              report();
            }
          }}
        />
      </label>
      <p id={errorId} className={check.ok ? 'custom-expression-help' : 'custom-expression-error'}>
        {check.ok
          ? `Every "Custom" neuron computes this f(x). Use x, numbers, pi, e, + - * / ^ and exp, log, sin, cos, tanh, abs, max, min, sqrt, sigmoid, softplus, pow.`
          : `${check.message}. Still in force: ${current}`}
      </p>
    </div>
  );
}
