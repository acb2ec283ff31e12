import { useNavigate } from 'react-router';
import { isMobileLink } from '../../../lib/notifications';

/** Console paths open in place; a phone path (/m/…) loads the H5 app. */
export function useOpenLink() {
  const navigate = useNavigate();
  return (link: string | null | undefined) => {
    if (!link) return;
    if (isMobileLink(link)) window.location.assign(link);
    else navigate(link);
  };
}
